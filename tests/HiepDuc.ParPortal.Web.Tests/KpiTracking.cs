using System.Globalization;
using System.Net;
using System.Text;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.KpiImport;
using HiepDuc.ParPortal.Web.Features.Kpis;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Tests;

public class The_office_enters_a_month_of_figures(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_grid_saves_every_unit_and_the_district_rate_is_the_sum_of_parts()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("kpi.office", Roles.DistrictOffice, "VPHDND"));
        var kpi = await KpiId(factory, "ONLINE_FILING");
        var page = await office.GetDocumentAsync($"/kpis/{kpi}/entry?period=2023-09");
        var rows = page.QuerySelectorAll("#entry-grid tbody tr");
        Assert.Equal(16, rows.Length); // every active unit

        var form = Grid(page);
        // Tân Bình 300/400, Hiệp Thuận 0/20, Quế Lưu 2/30; the rest left empty.
        Set(form, page, "Tân Bình", 300, 400);
        Set(form, page, "Hiệp Thuận", 0, 20);
        Set(form, page, "Quế Lưu", 2, 30);
        var saved = await office.PostAsync(new Uri($"/kpis/{kpi}/entry", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var details = await office.GetDocumentAsync($"/kpis/{kpi}?period=2023-09");
        Assert.Contains("67,11 %", details.QuerySelector("#district-value")!.Text(), StringComparison.Ordinal);
        var hiepThuan = details.QuerySelectorAll("#unit-figures tbody tr").Single(r => r.Text().Contains("Hiệp Thuận", StringComparison.Ordinal));
        Assert.NotNull(hiepThuan.QuerySelector("[data-flag=zero]"));
        Assert.Contains("0 %", hiepThuan.QuerySelector("[data-rate]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_numerator_above_its_denominator_saves_nothing_and_says_which_unit()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("kpi.bad", Roles.DistrictOffice, "VPHDND"));
        var kpi = await KpiId(factory, "ONLINE_FILING");
        var page = await office.GetDocumentAsync($"/kpis/{kpi}/entry?period=2023-07");
        var form = Grid(page);
        Set(form, page, "Bình Lâm", 10, 50);
        Set(form, page, "Bình Sơn", 60, 50);
        var response = await office.PostAsync(new Uri($"/kpis/{kpi}/entry", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Bình Sơn: tử số không được lớn hơn mẫu số", (await Html.ParseAsync(response)).QuerySelector("#errors")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync(m => m.KpiId == kpi && m.Period.Start == new DateOnly(2023, 7, 1))));

        var future = await office.GetDocumentAsync($"/kpis/{kpi}/entry?period=2023-12");
        var futureForm = Grid(future);
        Set(futureForm, future, "Bình Lâm", 1, 2);
        var refused = await office.PostAsync(new Uri($"/kpis/{kpi}/entry", UriKind.Relative), new FormUrlEncodedContent(futureForm));
        Assert.Contains("không được ở tương lai", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correcting_a_month_keeps_the_earlier_values()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("kpi.fix", Roles.DistrictOffice, "VPHDND"));
        var kpi = await KpiId(factory, "ONLINE_FILING");
        for (var n = 5; n <= 6; n++)
        {
            var page = await office.GetDocumentAsync($"/kpis/{kpi}/entry?period=2023-06");
            var form = Grid(page);
            Set(form, page, "Phước Gia", n, 10);
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri($"/kpis/{kpi}/entry", UriKind.Relative), new FormUrlEncodedContent(form))).StatusCode);
        }

        var unit = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "PHUOCGIA").Select(u => u.Id).SingleAsync());
        var figure = await factory.QueryAsync(db => db.KpiMeasurements.Include(m => m.Revisions).SingleAsync(m => m.KpiId == kpi && m.UnitId == unit && m.Period.Start == new DateOnly(2023, 6, 1)));
        Assert.Equal(6, figure.Numerator);
        Assert.Equal(5, Assert.Single(figure.Revisions).Numerator);
    }

    internal static List<KeyValuePair<string, string>> Grid(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("form[action$='/entry'] input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty)).ToList();

    internal static void Set(List<KeyValuePair<string, string>> form, AngleSharp.Dom.IDocument page, string unit, long n, long d)
    {
        var index = page.QuerySelectorAll("#entry-grid tbody tr").Select((r, i) => (r, i)).Single(x => x.r.Children[0].Text() == unit).i;
        form.RemoveAll(p => p.Key == $"Rows[{index}].Numerator" || p.Key == $"Rows[{index}].Denominator");
        form.Add(new($"Rows[{index}].Numerator", n.ToString(CultureInfo.InvariantCulture)));
        form.Add(new($"Rows[{index}].Denominator", d.ToString(CultureInfo.InvariantCulture)));
    }

    internal static Task<int> KpiId(PortalFactory factory, string code) =>
        factory.QueryAsync(db => db.KpiDefinitions.Where(k => k.Code == code).Select(k => k.Id).SingleAsync());
}

public class Figures_are_imported_all_or_nothing(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Codes = ["VPHDND", "NOIVU", "CNVPDKDD", "BUUDIEN", "BHXH", "TANBINH", "BINHLAM", "BINHSON", "HIEPHOA", "HIEPTHUAN", "PHUOCGIA", "PHUOCTRA", "QUELUU", "QUETHO", "SONGTRA", "THANGPHUOC"];

    [Fact]
    public async Task Three_bad_rows_among_200_save_nothing_and_are_reported_by_line()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.office", Roles.DistrictOffice, "VPHDND"));
        var rows = TwoHundredRows();
        rows[17][ImportColumns.Numerator] = 500;                     // line 19: numerator above denominator
        rows[88][ImportColumns.UnitCode] = "KHONGCO";                // line 90: unknown unit
        rows[150][ImportColumns.Denominator] = "7,83";               // line 152: not a whole count
        var before = await factory.QueryAsync(db => db.KpiMeasurements.CountAsync());

        var response = await Upload(office, "so-lieu.xlsx", Xlsx(rows));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await Html.ParseAsync(response)).QuerySelectorAll("#import-errors [data-line]").Select(e => e.GetAttribute("data-line")).ToList();
        Assert.Equal(["19", "90", "152"], errors);
        Assert.Equal(before, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));
    }

    [Fact]
    public async Task A_clean_file_saves_every_row_after_the_preview_and_a_re_import_duplicates_nothing()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.clean", Roles.DistrictOffice, "VPHDND"));
        var rows = TwoHundredRows();
        var before = await factory.QueryAsync(db => db.KpiMeasurements.CountAsync());

        var preview = await Html.ParseAsync(await Upload(office, "so-lieu.xlsx", Xlsx(rows)));
        Assert.Contains("200 số liệu mới", preview.QuerySelector("#import-preview")!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync())); // nothing before confirming
        await Confirm(office, preview);
        Assert.Equal(before + 200, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));

        // The same file again, one figure changed: the preview says what will change; nothing is duplicated.
        rows[5][ImportColumns.Numerator] = 1;
        var again = await Html.ParseAsync(await Upload(office, "so-lieu.xlsx", Xlsx(rows)));
        Assert.Contains("0 số liệu mới, 1 số liệu sẽ thay đổi, 199 không đổi", again.QuerySelector("#import-preview")!.Text(), StringComparison.Ordinal);
        Assert.Single(again.QuerySelectorAll("#import-changes tbody tr[data-change='Changed']"));
        await Confirm(office, again);
        Assert.Equal(before + 200, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));
    }

    [Fact]
    public async Task A_Vietnamese_CSV_with_semicolons_and_unit_names_without_accents_is_read()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.csv", Roles.DistrictOffice, "VPHDND"));
        var csv = "Mã chỉ tiêu;Mã đơn vị;Tên đơn vị;Kỳ (tháng/năm);Tử số;Mẫu số;Ghi chú\n"
            + "LATE_FILES;;hiep hoa;09/2023;3;1.250;\n"
            + "LATE_FILES;;QUẾ THỌ;2023-09;7,83;100;\n";
        var response = await Upload(office, "so-lieu.csv", Encoding.UTF8.GetBytes(csv));
        var errors = (await Html.ParseAsync(response)).QuerySelectorAll("#import-errors [data-line]").ToList();
        var only = Assert.Single(errors);
        Assert.Equal("3", only.GetAttribute("data-line"));
        Assert.Contains("phải là số nguyên", only.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_and_the_export_open_as_workbooks_with_real_numbers()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.export", Roles.DistrictOffice, "VPHDND"));
        var template = await office.GetByteArrayAsync(new Uri("/kpis/template.xlsx?kpi=ONLINE_FILING&period=2023-09", UriKind.Relative));
        var templateRows = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(16, templateRows.Count);
        Assert.Equal("09/2023", templateRows[0][ImportColumns.Period]);

        var export = await office.GetByteArrayAsync(new Uri("/kpis/export.xlsx?kpi=LATE_FILES", UriKind.Relative));
        Assert.Contains("Toàn huyện", MiniExcel.GetSheetNames(new MemoryStream(export)));
        var figures = MiniExcel.Query(new MemoryStream(export), useHeaderRow: true, sheetName: "Số liệu").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(figures, f => f[ImportColumns.Rate] is double d && Math.Abs(d - 28.72) < 0.001);
    }

    [Fact]
    public async Task The_shipped_template_imports_when_only_some_units_are_filled_in_and_the_preview_shows_the_values()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.partial", Roles.DistrictOffice, "VPHDND"));
        var template = await office.GetByteArrayAsync(new Uri("/kpis/template.xlsx?kpi=ONLINE_FILING&period=2021-07", UriKind.Relative));
        var rows = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
        // Two units filled in; the other fourteen left blank, as the office would.
        rows[0][ImportColumns.Numerator] = 12;
        rows[0][ImportColumns.Denominator] = 40;
        rows[5][ImportColumns.Numerator] = 3;
        rows[5][ImportColumns.Denominator] = 30;
        var before = await factory.QueryAsync(db => db.KpiMeasurements.CountAsync());

        var preview = await Html.ParseAsync(await Upload(office, "mau-chi-tieu.xlsx", Xlsx(rows)));
        Assert.Null(preview.QuerySelector("#import-errors"));
        var shown = preview.QuerySelectorAll("#import-changes tbody tr");
        Assert.Equal(2, shown.Length);
        Assert.Contains("12/40", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("30 %", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ phát sinh hồ sơ trực tuyến", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));
        await Confirm(office, preview);
        Assert.Equal(before + 2, await factory.QueryAsync(db => db.KpiMeasurements.CountAsync()));

        // One part alone is still an error, and nothing is saved.
        rows[1][ImportColumns.Numerator] = 5;
        var refused = await Html.ParseAsync(await Upload(office, "mau-chi-tieu.xlsx", Xlsx(rows)));
        Assert.NotNull(refused.QuerySelector("#import-errors li[data-line='3']"));
        Assert.Null(refused.QuerySelector("#confirm-form"));
    }

    private static List<Dictionary<string, object?>> TwoHundredRows()
    {
        var rows = new List<Dictionary<string, object?>>();
        for (var month = 0; month < 12; month++)
        {
            var d = new DateOnly(2022, 9, 1).AddMonths(month);
            foreach (var code in Codes)
            {
                rows.Add(Row("ONLINE_FILING", code, $"{d.Month:00}/{d.Year}", 10 + month, 40));
            }
        }

        foreach (var code in Codes.Take(8))
        {
            rows.Add(Row("LATE_FILES", code, "09/2023", 2, 50));
        }

        return rows;

        static Dictionary<string, object?> Row(string kpi, string unit, string period, long n, long d) => new()
        {
            [ImportColumns.Kpi] = kpi, [ImportColumns.UnitCode] = unit, [ImportColumns.UnitName] = null, [ImportColumns.Period] = period,
            [ImportColumns.Numerator] = n, [ImportColumns.Denominator] = d, [ImportColumns.Note] = null,
        };
    }

    private static byte[] Xlsx(List<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    /// <summary>Uploads a KPI file to the import page, as the office's form does.</summary>
    internal static async Task<HttpResponseMessage> Upload(HttpClient client, string name, byte[] bytes)
    {
        var token = await client.AntiforgeryTokenAsync("/kpis/import");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "file", name } };
        return await client.PostAsync(new Uri("/kpis/import", UriKind.Relative), content);
    }

    private static async Task Confirm(HttpClient client, AngleSharp.Dom.IDocument preview)
    {
        var form = preview.QuerySelector("#confirm-form")!;
        var response = await client.PostFormAsync("/kpis/import/confirm", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"),
            new() { ["importId"] = form.QuerySelector("input[name=importId]")!.GetAttribute("value")! });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public class Directive_3e_is_judged_by_the_figures(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(45, "true")]
    [InlineData(40, "true")]
    [InlineData(39, "false")]
    public async Task The_land_branch_s_online_rate_in_September_2023_against_the_province_average_of_40(int online, string met)
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("e.office", Roles.DistrictOffice, "VPHDND"));
        var kpi = await The_office_enters_a_month_of_figures.KpiId(factory, "ONLINE_FILING");
        var token = await office.AntiforgeryTokenAsync($"/kpis/{kpi}");
        await office.PostFormAsync($"/kpis/{kpi}/reference", token, new() { ["period"] = "2023-09", ["rate"] = "40" });

        var page = await office.GetDocumentAsync($"/kpis/{kpi}/entry?period=2023-09");
        var form = The_office_enters_a_month_of_figures.Grid(page);
        The_office_enters_a_month_of_figures.Set(form, page, "CN VP đăng ký đất đai", online, 100);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri($"/kpis/{kpi}/entry", UriKind.Relative), new FormUrlEncodedContent(form))).StatusCode);

        var e = await factory.QueryAsync(db => db.Directives.Where(d => d.Label == "3.e").Select(d => d.Id).SingleAsync());
        var verdict = (await office.GetDocumentAsync($"/directives/{e}")).QuerySelector("#verdicts")!;
        Assert.Equal(met, verdict.QuerySelector("[data-met]")!.GetAttribute("data-met"));
        Assert.Contains("40 %", verdict.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directive_3d_waits_for_figures_before_it_can_be_judged()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("d.office", Roles.DistrictOffice, "VPHDND"));
        var d = await factory.QueryAsync(db => db.Directives.Where(x => x.Label == "3.d").Select(x => x.Id).SingleAsync());
        var verdicts = (await office.GetDocumentAsync($"/directives/{d}")).QuerySelectorAll("#verdicts [data-met]");
        Assert.Equal(2, verdicts.Length);
        Assert.All(verdicts, v => Assert.Equal("unknown", v.GetAttribute("data-met")));
    }
}

public class A_unit_head_reads_only_their_own_unit_s_figures(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Own_unit_page_yes_other_units_and_the_district_tables_no()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("kpi.hiepthuan", Roles.UnitHead, "HIEPTHUAN"));
        var (own, other) = await factory.QueryAsync(async db => (
            await db.Units.Where(u => u.Code == "HIEPTHUAN").Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Code == "QUELUU").Select(u => u.Id).SingleAsync()));

        var page = await head.GetDocumentAsync($"/units/{own}/kpis");
        Assert.Contains("Tỷ lệ phát sinh hồ sơ trực tuyến", page.QuerySelector("#unit-kpis")!.Text(), StringComparison.Ordinal);
        Assert.StartsWith("/account/denied", (await head.GetAsync(new Uri($"/units/{other}/kpis", UriKind.Relative))).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/denied", (await head.GetAsync(new Uri("/kpis", UriKind.Relative))).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var entry = await head.PostFormAsync("/kpis/1/entry", await head.AntiforgeryTokenAsync($"/units/{own}/kpis"), new() { ["Period"] = "2023-09" });
        Assert.StartsWith("/account/denied", entry.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
