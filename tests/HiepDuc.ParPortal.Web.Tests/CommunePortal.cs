using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The issuing authority is data: a portal configured for one of the new communes (xã Việt An, with its own
/// departments) runs the whole loop, and its pages, new notices and Word report speak in the commune's name.
/// </summary>
public class A_portal_configured_for_a_commune_runs_the_loop_in_its_own_name(A_portal_configured_for_a_commune_runs_the_loop_in_its_own_name.Factory factory)
    : IClassFixture<A_portal_configured_for_a_commune_runs_the_loop_in_its_own_name.Factory>
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public async Task Notice_directive_assignment_report_confirmation_and_the_report_all_name_the_commune()
    {
        await factory.QueryAsync(async db =>
        {
            db.Units.Add(new Unit("VPXA", "Văn phòng HĐND&UBND xã", UnitKind.DistrictAgency, "Văn phòng"));
            db.Units.Add(new Unit("KINHTE", "Phòng Kinh tế xã Việt An", UnitKind.DistrictAgency, "Phòng Kinh tế"));
            return await db.SaveChangesAsync();
        });
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("va.office", Roles.DistrictOffice, "VPXA"));
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("va.kinhte", Roles.UnitHead, "KINHTE"));

        // The pages carry the commune's name; a new notice is issued by it unless the office says otherwise.
        var form = await office.GetDocumentAsync("/notices/new");
        Assert.Contains("CCHC & CĐS Việt An", form.QuerySelector(".navbar-brand")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("UBND xã Việt An — Ban Chỉ đạo cải cách hành chính và chuyển đổi số xã", form.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("UBND xã Việt An", form.QuerySelector("#IssuingBody")!.GetAttribute("value"));

        var token = await office.AntiforgeryTokenAsync("/notices/new");
        var created = await office.PostFormAsync("/notices/new", token, new()
        {
            ["Number"] = "12/TB-UBND", ["IssuingBody"] = "UBND xã Việt An", ["IssueDate"] = "2025-07-10", ["MeetingDate"] = "2025-07-08",
            ["Title"] = "Kết luận phiên họp Ban Chỉ đạo xã", ["FullText"] = "Giao Phòng Kinh tế rà soát thủ tục hành chính.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var noticeId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], Inv);
        token = await office.AntiforgeryTokenAsync($"/notices/{noticeId}/directives/new");
        var directive = await office.PostFormAsync($"/notices/{noticeId}/directives/new", token, new()
        {
            ["Label"] = "1", ["Title"] = "Rà soát thủ tục hành chính", ["FullText"] = "Rà soát thủ tục hành chính thuộc thẩm quyền của xã",
            ["Deadline.Kind"] = "Date", ["Deadline.Date"] = "2025-09-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, directive.StatusCode);
        var directiveId = int.Parse(directive.Headers.Location!.OriginalString.Split('/')[^2], Inv);
        var kinhTe = await factory.QueryAsync(db => db.Units.Where(u => u.Code == "KINHTE").Select(u => u.Id).SingleAsync());
        token = await office.AntiforgeryTokenAsync($"/directives/{directiveId}/assign");
        var assigned = await office.PostAsync(new Uri($"/directives/{directiveId}/assign", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Role", "Lead"), new("UnitIds", kinhTe.ToString(Inv)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        // The department reports and submits; the office confirms.
        var id = await factory.QueryAsync(db => db.Assignments.Where(a => a.DirectiveId == directiveId).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostActionAsync(id, "report", new() { ["Text"] = "Đã rà soát 40 thủ tục", ["Progress"] = "50" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostActionAsync(id, "submit", new() { ["Text"] = "Hoàn thành rà soát 82 thủ tục" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostActionAsync(id, "confirm", new())).StatusCode);
        Assert.Equal(Domain.Assignments.AssignmentStatus.Completed, await factory.QueryAsync(db => db.Assignments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // The Word report: the commune's office under the commune, the commune's place in the date line.
        var bytes = await office.GetByteArrayAsync(new Uri($"/reports/notices/{noticeId}/report.docx", UriKind.Relative));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = string.Join('\n', doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("UBND XÃ VIỆT AN", text, StringComparison.Ordinal);
        Assert.Contains("VĂN PHÒNG HĐND VÀ UBND", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VĂN PHÒNG HĐND VÀ UBND XÃ", text, StringComparison.Ordinal); // the parent line names the commune already
        Assert.Contains("Việt An, ngày", text, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch, các PCT UBND xã", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hiệp Đức", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UBND huyện", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HUYỆN", text, StringComparison.Ordinal);
    }

    public sealed class Factory : PortalFactory
    {
        public Factory()
        {
            Settings["Authority:Name"] = "UBND xã Việt An";
            Settings["Authority:Level"] = "Commune";
            Settings["Authority:Place"] = "Việt An";
            Settings["Authority:PortalName"] = "Cổng theo dõi CCHC & CĐS xã Việt An";
            Settings["Authority:ShortName"] = "CCHC & CĐS Việt An";
            Settings["Authority:SteeringBody"] = "Ban Chỉ đạo cải cách hành chính và chuyển đổi số xã";
            Settings["Authority:OfficeUnitCode"] = "VPXA";
        }
    }
}
