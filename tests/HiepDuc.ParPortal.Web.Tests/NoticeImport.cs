using System.Net;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data.Seed;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

public class A_notice_is_imported_from_its_text(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Importing_the_seed_notice_yields_exactly_what_the_foundation_seeded()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.notice", Roles.DistrictOffice, "VPHDND"));
        var before = await factory.QueryAsync(db => db.Notices.CountAsync());
        var preview = await Preview(office, NoticeSeed.OriginalText());
        Assert.Equal(before, await factory.QueryAsync(db => db.Notices.CountAsync())); // nothing written by the preview
        Assert.NotEmpty(preview.QuerySelectorAll("#source mark.src-unit"));

        // The seed notice is already stored: saving it again is refused, with a link to the one stored, and nothing is written.
        var refused = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(Fields(preview.QuerySelector("#preview-form")!)));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("/notices/1", again.QuerySelector("#duplicate-link")!.GetAttribute("href"));
        Assert.Equal(before, await factory.QueryAsync(db => db.Notices.CountAsync()));

        // Saved on purpose as another session, it reads exactly like the seed.
        var fields = Fields(again.QuerySelector("#preview-form")!);
        fields.Add(new("AllowDuplicate", "true"));
        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var imported = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var (seeded, copy) = await factory.QueryAsync(async db => (await Shape(db, 1), await Shape(db, imported)));
        Assert.Equal(seeded.Select(d => d.Label), copy.Select(d => d.Label));
        foreach (var (s, a) in seeded.Zip(copy))
        {
            Assert.Equal(s.Deadline, a.Deadline);
            Assert.Equal(s.Units, a.Units);
            Assert.Equal(s.References, a.References);
        }

        // 3.d's and 3.e's figure targets came along: the imported directives are judged by data like the seeded ones.
        var targets = await factory.QueryAsync(db => db.DirectiveTargets.Where(t => db.Directives.Any(d => d.Id == t.DirectiveId && d.NoticeId == imported))
            .Select(t => new { t.Kind, t.UnitId, t.Period.Start }).ToListAsync());
        Assert.Equal(3, targets.Count);
        Assert.All(targets, t => Assert.Equal(new DateOnly(2023, 9, 1), t.Start));
        Assert.Single(targets, t => t.Kind == Domain.Kpis.KpiTargetKind.AtLeastReference && t.UnitId != null);

        var notice = await factory.QueryAsync(db => db.Notices.SingleAsync(n => n.Id == imported));
        Assert.Equal(new DateOnly(2023, 8, 31), notice.MeetingDate);
        Assert.Equal("phiên thứ nhất", notice.Session);
        Assert.Equal(NoticeSeed.NoticeTitle, notice.Title);
    }

    [Fact]
    public async Task A_Word_file_with_automatic_numbering_and_a_table_is_read()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.docx", Roles.DistrictOffice, "VPHDND"));
        var token = await office.AntiforgeryTokenAsync("/notices/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Docx()), "file", "thong-bao.docx" },
        };
        var preview = await Html.ParseAsync(await office.PostAsync(new Uri("/notices/import", UriKind.Relative), content));
        var tasks = preview.QuerySelectorAll(".import-task").Select(t => t.GetAttribute("data-label")).ToList();
        Assert.Equal(["2.a", "2.b"], tasks);
        Assert.Equal("198/TB-UBND", preview.QuerySelector("#Number")!.GetAttribute("value"));
        Assert.Contains("Bình Lâm | 12 | 40", preview.QuerySelector("#source")!.TextContent, StringComparison.Ordinal);
        var first = preview.QuerySelectorAll(".import-task")[0];
        Assert.Contains(first.QuerySelectorAll("select[name$='.UnitId'] option[selected]"), o => o.TextContent == "Phòng Nội vụ huyện");
        Assert.Equal("2023-11-30", preview.QuerySelector("input[name='Tasks[0].Deadline.Date']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_wrong_deadline_in_the_preview_saves_nothing()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.bad", Roles.DistrictOffice, "VPHDND"));
        var preview = await Preview(office, NoticeSeed.OriginalText());
        var fields = Fields(preview.QuerySelector("#preview-form")!);
        fields.RemoveAll(f => f.Key == "Tasks[4].Deadline.Year");
        var before = await factory.QueryAsync(async db => (await db.Notices.CountAsync(), await db.Directives.CountAsync()));
        var response = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Thời hạn chưa đủ thông tin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(async db => (await db.Notices.CountAsync(), await db.Directives.CountAsync())));
    }

    [Fact]
    public async Task A_task_left_without_a_doer_is_saved_only_on_purpose()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("imp.gap", Roles.DistrictOffice, "VPHDND"));
        var preview = await Preview(office, NoticeSeed.OriginalText());
        Assert.Empty(preview.QuerySelectorAll("#confirm-gaps"));
        var fields = Fields(preview.QuerySelector("#preview-form")!);
        fields = fields.Select(f => f.Key.StartsWith("Tasks[0].Units[", StringComparison.Ordinal) && f.Key.EndsWith(".UnitId", StringComparison.Ordinal)
            ? new KeyValuePair<string, string>(f.Key, string.Empty) : f).ToList();
        fields.RemoveAll(f => f.Key.StartsWith("Tasks[0].Units[", StringComparison.Ordinal) && f.Key.EndsWith(".Create", StringComparison.Ordinal));
        fields.Add(new("AllowDuplicate", "true"));
        var before = await factory.QueryAsync(db => db.Notices.CountAsync());

        var refused = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("chưa có đơn vị chủ trì hoặc thực hiện", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#confirm-gaps input[name='ConfirmGaps']"));
        Assert.Equal(before, await factory.QueryAsync(db => db.Notices.CountAsync()));

        fields.Add(new("ConfirmGaps", "true"));
        var saved = await office.PostAsync(new Uri("/notices/import/save", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await factory.QueryAsync(db => db.Notices.CountAsync()));
    }

    internal static async Task<IDocument> Preview(HttpClient client, string text)
    {
        var token = await client.AntiforgeryTokenAsync("/notices/import");
        var response = await client.PostFormAsync("/notices/import", token, new() { ["text"] = text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>The fields a browser would post from a form: inputs (checked boxes only), text areas, selected options.</summary>
    internal static List<KeyValuePair<string, string>> Fields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            switch (e.LocalName)
            {
                case "input" when e.GetAttribute("type") is "checkbox" or "radio":
                    if (e.HasAttribute("checked"))
                    {
                        fields.Add(new(name, e.GetAttribute("value") ?? "on"));
                    }

                    break;
                case "input":
                    fields.Add(new(name, e.GetAttribute("value") ?? string.Empty));
                    break;
                case "textarea":
                    fields.Add(new(name, e.TextContent));
                    break;
                case "select":
                    fields.Add(new(name, (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))?.GetAttribute("value") ?? string.Empty));
                    break;
            }
        }

        return fields;
    }

    private static async Task<List<(string Label, string Deadline, List<string> Units, List<string?> References)>> Shape(Data.ParPortalDbContext db, int noticeId)
    {
        var directives = await db.Directives.AsNoTracking().Where(d => d.NoticeId == noticeId).OrderBy(d => d.SortOrder)
            .Select(d => new
            {
                d.Label, d.Deadline.Kind, d.Deadline.LastDay, d.Deadline.IsUrgent,
                Units = d.Assignments.Select(a => a.Unit.Code + ":" + a.Role).ToList(),
                References = d.References.Select(r => r.Number).ToList(),
            }).ToListAsync();
        return directives.Select(d => (d.Label, $"{d.Kind} {d.LastDay} {d.IsUrgent}", d.Units.Order(StringComparer.Ordinal).ToList(), d.References)).ToList();
    }

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }) { LevelIndex = 0 },
                    new Level(new NumberingFormat { Val = NumberFormatValues.LowerLetter }) { LevelIndex = 1 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            Paragraph P(string text, int? level = null)
            {
                var p = new Paragraph(new Run(new Text(text)));
                if (level is { } l)
                {
                    p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = l }, new NumberingId { Val = 1 })));
                }

                return p;
            }

            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(
                P("UBND HUYỆN HIỆP ĐỨC"),
                P("Số: 198/TB-UBND"),
                P("Hiệp Đức, ngày 08 tháng 11 năm 2023"),
                P(string.Empty),
                P("THÔNG BÁO"),
                P("Kết luận của Chủ tịch UBND huyện tại buổi làm việc về chuyển đổi số"),
                P(string.Empty),
                P("Ngày 06/11/2023, đồng chí Nguyễn Văn Nam - Chủ tịch UBND huyện chủ trì buổi làm việc. Kết luận:"),
                P("Về tình hình thực hiện: tỷ lệ hồ sơ trực tuyến các xã như sau:", 0),
                new Table(
                    new TableRow(new TableCell(P("Đơn vị")), new TableCell(P("Trực tuyến")), new TableCell(P("Tổng"))),
                    new TableRow(new TableCell(P("Bình Lâm")), new TableCell(P("12")), new TableCell(P("40")))),
                P("Nhiệm vụ thời gian tới, yêu cầu các cơ quan, đơn vị:", 0),
                P("Giao Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện tổ chức tập huấn chậm nhất ngày 30/11.", 1),
                P("UBND các xã, thị trấn cập nhật dữ liệu dân cư thường xuyên.", 1)));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
