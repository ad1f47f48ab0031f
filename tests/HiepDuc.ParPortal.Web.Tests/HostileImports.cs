using System.IO.Compression;
using System.Net;
using System.Text;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.KpiImport;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// A hostile or broken KPI file gets an answer with a message and saves nothing: a workbook that unpacks to hundreds of
/// megabytes is refused before it is read (and no cell is echoed whole), a malformed CSV is "unreadable" rather than a
/// server error, and a note longer than the column is refused on its line.
/// </summary>
public class Hostile_kpi_files_get_a_message_and_save_nothing(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_small_workbook_that_unpacks_to_300_MiB_is_refused_before_it_is_read()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("bomb.office", Roles.DistrictOffice, "VPHDND"));
        var bomb = Bomb(300);
        Assert.True(bomb.Length < 2 * 1024 * 1024);

        var response = await Figures_are_imported_all_or_nothing.Upload(office, "bom.xlsx", bomb);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("giải nén ra quá 64 MB", body, StringComparison.Ordinal);
        Assert.True(body.Length < 200_000);
    }

    [Theory]
    [InlineData("short row", "Mã chỉ tiêu,Mã đơn vị,Kỳ (tháng/năm),Tử số,Mẫu số\nONLINE_FILING,HIEPHOA,09/2023,5\n", "Dòng 2:")]
    [InlineData("trailing comma", "Mã chỉ tiêu,Mã đơn vị,Kỳ (tháng/năm),Tử số,Mẫu số\nONLINE_FILING,HIEPHOA,09/2023,5,10,\n", null)]
    [InlineData("extra column", "Mã chỉ tiêu,Mã đơn vị,Kỳ (tháng/năm),Tử số,Mẫu số\nONLINE_FILING,HIEPHOA,09/2023,5,10,x,y\n", "Dòng 2: Dòng có nhiều ô hơn dòng tiêu đề.")]
    [InlineData("unbalanced quote", "Mã chỉ tiêu,Mã đơn vị,Kỳ (tháng/năm),Tử số,Mẫu số\nONLINE_FILING,QUETHO,09/2023,1,2\n\"ONLINE_FILING,HIEPHOA,09/2023,5,10\n", "Dòng 3: Dấu ngoặc kép mở")]
    [InlineData("quoted cells", "\"Mã chỉ tiêu\";\"Mã đơn vị\";\"Kỳ (tháng/năm)\";\"Tử số\";\"Mẫu số\";\"Ghi chú\"\r\nONLINE_FILING;HIEPHOA;09/2023;5;10;\"Có \"\"dấu\"\" ngoặc; và\nxuống dòng\"\r\n", null)]
    public async Task A_malformed_csv_gets_a_message_on_its_line_never_a_server_error(string what, string csv, string? message)
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync($"csv.{what.Replace(' ', '.')}", Roles.DistrictOffice, "VPHDND"));
        var before = await factory.QueryAsync(db => db.KpiMeasurements.CountAsync());
        var response = await Figures_are_imported_all_or_nothing.Upload(office, "so-lieu.csv", Encoding.UTF8.GetBytes(csv));
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        var page = await Html.ParseAsync(response);
        if (message is null)
        {
            Assert.True(page.QuerySelector("#confirm-form") is not null, $"{what}: {page.QuerySelector("#import-errors")?.TextContent}");
        }
        else
        {
            Assert.Contains(message, page.QuerySelector("#import-errors")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));
    }

    [Fact]
    public async Task A_note_longer_than_2000_characters_is_refused_on_its_line()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("note.office", Roles.DistrictOffice, "VPHDND"));
        var csv = $"Mã chỉ tiêu,Mã đơn vị,Kỳ (tháng/năm),Tử số,Mẫu số,Ghi chú\nONLINE_FILING,HIEPHOA,09/2023,5,10,{new string('x', 200_000)}\n";
        var response = await Figures_are_imported_all_or_nothing.Upload(office, "ghi-chu.csv", Encoding.UTF8.GetBytes(csv));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Ghi chú dài quá 2000 ký tự", body, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_refuses_a_note_longer_than_its_column()
    {
        var kpi = new Domain.Kpis.KpiDefinition("X", "Chỉ tiêu thử", Domain.Kpis.KpiKind.Rate, Domain.Kpis.KpiDirection.HigherIsBetter, Domain.Kpis.KpiScope.PerUnit);
        var error = Assert.Throws<Domain.Common.DomainException>(() => Domain.Kpis.KpiMeasurement.Counted(kpi, null, Domain.Kpis.KpiPeriod.Month(2023, 9), 1, 2,
            Domain.Kpis.MeasurementSource.Entered, new Domain.Common.Actor(null, "Văn phòng"), DateTimeOffset.UnixEpoch, new string('x', 2001)));
        Assert.Equal("kpi.noteTooLong", error.Code);
    }

    /// <summary>A real template workbook whose first sheet gets one inline-string cell of <paramref name="mib"/> MiB.</summary>
    private static byte[] Bomb(int mib)
    {
        using var template = new MemoryStream();
        template.SaveAs(new[] { new Dictionary<string, object?> { [ImportColumns.Kpi] = "ONLINE_FILING", [ImportColumns.Period] = "09/2023", [ImportColumns.Numerator] = 1, [ImportColumns.Denominator] = 2 } });
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(template.ToArray()), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var to = copy.Open();
                if (entry.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal))
                {
                    var xml = new StreamReader(entry.Open()).ReadToEnd();
                    var end = System.Text.RegularExpressions.Regex.Match(xml, "</(\\w+:)?sheetData>");
                    var (cut, x) = (end.Index, end.Groups[1].Value);
                    to.Write(Encoding.UTF8.GetBytes(xml[..cut] + $"<{x}row r=\"3\"><{x}c r=\"A3\" t=\"inlineStr\"><{x}is><{x}t>"));
                    var chunk = Encoding.UTF8.GetBytes(new string('A', 1024 * 1024));
                    for (var i = 0; i < mib; i++)
                    {
                        to.Write(chunk);
                    }

                    to.Write(Encoding.UTF8.GetBytes($"</{x}t></{x}is></{x}c></{x}row>" + xml[cut..]));
                }
                else
                {
                    entry.Open().CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }
}

/// <summary>
/// The confirm form carries only the id of the checked rows kept on the server: 12 000 rows (past the ~9 000 a posted
/// payload allowed) are confirmed; a second confirm, or another user's, writes nothing.
/// </summary>
public class A_large_kpi_import_is_confirmed_by_its_id(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Twelve_thousand_rows_are_previewed_and_confirmed_and_the_preview_serves_once_and_only_its_owner()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("large.office", Roles.DistrictOffice, "VPHDND"));
        var other = await factory.SignedInAsync(await factory.CreateUserAsync("large.other", Roles.DistrictOffice, "VPHDND"));
        var (kpis, units) = await factory.QueryAsync(async db => (
            await db.KpiDefinitions.Where(k => k.Kind == Domain.Kpis.KpiKind.Rate).OrderBy(k => k.Id).Select(k => k.Code).Take(3).ToListAsync(),
            await db.Units.Where(u => u.IsActive).OrderBy(u => u.Id).Select(u => u.Code).Take(16).ToListAsync()));
        var csv = new StringBuilder("Mã chỉ tiêu,Mã đơn vị,Kỳ (tháng/năm),Tử số,Mẫu số\n");
        var count = 0;
        foreach (var kpi in kpis)
        {
            foreach (var unit in units)
            {
                for (var m = 0; m < 250; m++)
                {
                    var month = new DateOnly(2002, 1, 1).AddMonths(m);
                    csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{kpi},{unit},{month.Month:00}/{month.Year},{m % 7},{7 + (m % 5)}\n");
                    count++;
                }
            }
        }

        Assert.Equal(12_000, count);
        var preview = await Html.ParseAsync(await Figures_are_imported_all_or_nothing.Upload(office, "lon.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        var form = preview.QuerySelector("#confirm-form")!;
        var id = form.QuerySelector("input[name=importId]")!.GetAttribute("value")!;
        Assert.Equal(32, id.Length);
        var formToken = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        // Another user cannot confirm it.
        var foreign = await other.PostFormAsync("/kpis/import/confirm", await other.AntiforgeryTokenAsync("/kpis/import"), new() { ["importId"] = id });
        Assert.Equal("/kpis/import", foreign.Headers.Location!.OriginalString);
        Assert.Equal(0, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync(m => m.Period.Start.Year < 2023 && m.Source == Domain.Kpis.MeasurementSource.Imported)));

        var confirmed = await office.PostFormAsync("/kpis/import/confirm", formToken, new() { ["importId"] = id });
        Assert.Equal("/kpis", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(12_000, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync(m => m.Period.Start.Year < 2023 && m.Source == Domain.Kpis.MeasurementSource.Imported)));

        // Confirmed once: a second confirm (a double click) writes nothing and says so.
        var again = await office.PostFormAsync("/kpis/import/confirm", formToken, new() { ["importId"] = id });
        Assert.Equal("/kpis/import", again.Headers.Location!.OriginalString);
    }
}
