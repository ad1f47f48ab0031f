using System.Net;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

public class The_seeded_notice_is_readable_in_Vietnamese(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() =>
        _client = await factory.SignedInAsync(await factory.CreateUserAsync("vanphong", Authorization.Roles.DistrictOffice, "VPHDND"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_notice_list_shows_the_notice_of_31_08_2023()
    {
        var doc = await _client.GetDocumentAsync("/notices");
        var row = Assert.Single(doc.QuerySelectorAll("tbody tr"));
        Assert.Contains("31/08/2023", row.Text(), StringComparison.Ordinal);
        Assert.Contains("Ban Chỉ đạo cải cách hành chính và chuyển đổi số huyện (phiên thứ nhất)", row.Text(), StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Nam", row.Text(), StringComparison.Ordinal);
        Assert.Contains("6 nhiệm vụ", row.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_page_lists_items_1_and_3a_to_3e_with_their_units_and_deadlines()
    {
        var doc = await _client.GetDocumentAsync("/notices/1");
        var rows = doc.QuerySelectorAll("#directives tbody tr");
        Assert.Equal(["1", "3.a", "3.b", "3.c", "3.d", "3.e"], rows.Select(r => r.GetAttribute("data-label")));

        var item1 = rows[0].Text();
        Assert.Contains("Chủ trì: Phòng Nội vụ", item1, StringComparison.Ordinal);
        Assert.Contains("Chưa xác định", item1, StringComparison.Ordinal);

        var c = rows[3].Text();
        Assert.Contains("Chủ trì: VP HĐND&UBND", c, StringComparison.Ordinal);
        Assert.Contains("Phối hợp: Phòng Nội vụ", c, StringComparison.Ordinal);
        Assert.Contains("Khẩn trương", c, StringComparison.Ordinal);
        Assert.Contains("12 đơn vị thực hiện", c, StringComparison.Ordinal);

        var d = rows[4].Text();
        Assert.Contains("trong tháng 9/2023", d, StringComparison.Ordinal);
        Assert.Contains("30/09/2023", d, StringComparison.Ordinal);
        Assert.Contains("14 đơn vị thực hiện", d, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", d, StringComparison.Ordinal);

        var e = rows[5].Text();
        Assert.Contains("Chủ trì: CN VP đăng ký đất đai", e, StringComparison.Ordinal);
        Assert.Contains("30/09/2023", e, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_page_shows_the_figures_of_section_2()
    {
        var doc = await _client.GetDocumentAsync("/notices/1");
        var figures = doc.QuerySelector("#figures")!.Text();
        foreach (var expected in new[] { "28,72 %", "7,83 %", "57,7 %", "4/11", "trên 90 %", "98 %", "Hiệp Thuận", "Quế Lưu", "năm 2022", "8 tháng đầu năm 2023", "tháng 8/2023" })
        {
            Assert.Contains(expected, figures, StringComparison.Ordinal);
        }

        Assert.Contains("nguồn chỉ nêu tỷ lệ", figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_text_of_the_notice_is_kept()
    {
        var doc = await _client.GetDocumentAsync("/notices/1");
        var text = doc.QuerySelector(".notice-text")!.TextContent;
        Assert.Contains("Giao Văn phòng HĐND&UBND huyện theo dõi, kiểm tra, đôn đốc việc thực hiện", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directive_3d_lists_every_addressed_unit_overdue_five_days_on_05_10_2023()
    {
        var notice = await _client.GetDocumentAsync("/notices/1");
        var link = notice.QuerySelector("#directives tr[data-label='3.d'] a")!.GetAttribute("href")!;
        var doc = await _client.GetDocumentAsync(link);

        var rows = doc.QuerySelectorAll("#assignments tbody tr");
        Assert.Equal(14, rows.Length);
        var units = rows.Select(r => r.Children[0].Text()).ToList();
        foreach (var commune in new[] { "Tân Bình", "Bình Lâm", "Bình Sơn", "Hiệp Hòa", "Hiệp Thuận", "Phước Gia", "Phước Trà", "Quế Lưu", "Quế Thọ", "Sông Trà", "Thăng Phước", "VP HĐND&UBND", "Phòng Nội vụ", "CN VP đăng ký đất đai" })
        {
            Assert.Contains(commune, units);
        }

        Assert.All(rows, r => Assert.Contains("Quá hạn 5 ngày", r.Text(), StringComparison.Ordinal));
        Assert.Contains("Ký số", doc.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.Contains("bình quân gia quyền", doc.QuerySelector("#rollup-rule")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Văn phòng HĐND&UBND huyện", doc.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directive_3a_cites_plans_125_and_133()
    {
        var notice = await _client.GetDocumentAsync("/notices/1");
        var link = notice.QuerySelector("#directives tr[data-label='3.a'] a")!.GetAttribute("href")!;
        var body = (await _client.GetDocumentAsync(link)).Body!.Text();
        Assert.Contains("Kế hoạch số 125/KH-UBND ngày 14/8/2023", body, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch số 133/KH-UBND ngày 23/8/2023", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_is_the_second_language_and_keeps_dates_as_dd_MM_yyyy()
    {
        var doc = await _client.GetDocumentAsync("/notices/1?culture=en-US&ui-culture=en-US");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Figures reported in the notice", doc.Body!.Text(), StringComparison.Ordinal);
        Assert.Contains("28.72 %", doc.QuerySelector("#figures")!.Text(), StringComparison.Ordinal);
        Assert.Contains("30/09/2023", doc.QuerySelector("#directives")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_notice_is_a_friendly_404_without_a_stack_trace()
    {
        var response = await _client.GetAsync(new Uri("/notices/999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_healthy_with_the_database_reachable_without_signing_in()
    {
        var response = await factory.NewClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
