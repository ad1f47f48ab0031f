using System.Globalization;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The Domain holds deadlines and periods as values; the pages word them in the reader's language.</summary>
public class Deadlines_and_periods_are_worded_in_the_readers_language(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Letters only Vietnamese writes: a deadline or a period shown to an English reader has none of them.</summary>
    private static bool HasVietnamese(string text) => text.Any(c => "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýĩũ".Contains(char.ToLowerInvariant(c)));

    [Theory]
    [InlineData("/notices/1", "#figures tbody td:nth-child(3), #directives .deadline")]
    [InlineData("/kpis", "td .small.text-muted")]
    [InlineData("/assignments", ".deadline")]
    [InlineData("/directives", ".deadline")]
    public async Task An_English_page_shows_no_Vietnamese_deadline_or_period(string page, string selector)
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync($"en.{page.GetHashCode():x}", Roles.DistrictOffice));
        var doc = await office.GetDocumentAsync($"{page}?culture=en-US&ui-culture=en-US");
        var cells = doc.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, HasVietnamese);

        var vietnamese = await office.GetDocumentAsync(page);
        Assert.Contains(vietnamese.QuerySelectorAll(selector).Select(e => e.TextContent), HasVietnamese);
    }

    public static TheoryData<string, string, string> Deadlines => new()
    {
        { "D2023-10-15", "ngày 15/10/2023", "by 15/10/2023" },
        { "M2023-09", "trong tháng 9/2023", "within September 2023" },
        { "Q2023-4", "trong quý IV/2023", "within Q4 2023" },
        { "Y2023", "trong năm 2023", "within 2023" },
        { "O", "thường xuyên", "ongoing" },
        { "N", "chưa xác định", "not set" },
        { "U", "khẩn trương (chưa xác định)", "urgent (no date set)" },
        { "R:M25", "hằng tháng, trước ngày 25", "monthly, by day 25" },
        { "R:W5", "hằng tuần, thứ Sáu", "weekly, on Friday" },
    };

    /// <summary>The pages' words and the record's (the timeline's stored texts, written by the Domain) say the same in Vietnamese.</summary>
    [Theory]
    [MemberData(nameof(Deadlines))]
    public void A_deadline_reads_the_same_on_the_page_and_in_the_record_and_in_English(string code, string vietnamese, string english)
    {
        var deadline = code switch
        {
            "D2023-10-15" => Deadline.OnDate(new DateOnly(2023, 10, 15)),
            "M2023-09" => Deadline.InMonth(2023, 9),
            "Q2023-4" => Deadline.InQuarter(2023, 4),
            "Y2023" => Deadline.InYear(2023),
            "O" => Deadline.Ongoing(),
            "N" => Deadline.NotSet(),
            "U" => Deadline.NotSet(urgent: true),
            _ => Deadline.Recurring(Recurrence.Parse(code[2..])),
        };
        Assert.Equal(vietnamese, Words.ForRecord(l => l.Deadline(deadline)));
        Assert.Equal(deadline.ToVietnamese(), Words.ForRecord(l => l.Deadline(deadline)));
        Assert.Equal(english, InEnglish(l => l.Deadline(deadline)));
    }

    [Fact]
    public void A_period_reads_as_the_notice_writes_it_and_in_English()
    {
        var periods = new[] { KpiPeriod.Month(2023, 8), KpiPeriod.Year(2022), KpiPeriod.YearToMonth(2023, 8), KpiPeriod.AsOf(new DateOnly(2023, 8, 31)), new KpiPeriod(new DateOnly(2023, 3, 5), new DateOnly(2023, 4, 9)) };
        // Periods print as the notice writes them.
        Assert.Equal(["tháng 8/2023", "năm 2022", "8 tháng đầu năm 2023", "đến ngày 31/08/2023", "05/03/2023 – 09/04/2023"], periods.Select(p => Words.ForRecord(l => l.Period(p))));
        Assert.Equal(["August 2023", "year 2022", "first 8 months of 2023", "as of 31/08/2023", "05/03/2023 – 09/04/2023"], periods.Select(p => InEnglish(l => l.Period(p))));
    }

    private static string InEnglish(Func<Microsoft.Extensions.Localization.IStringLocalizer, string> words) =>
        Words.InLanguage(CultureInfo.GetCultureInfo("en-US"), words);
}
