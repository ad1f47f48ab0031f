using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The report the office sends reads as Decree 30/2020/NĐ-CP (Appendix I) asks, checked in the document's own XML.</summary>
public class The_report_follows_Decree_30(The_report_follows_Decree_30.Factory factory) : IClassFixture<The_report_follows_Decree_30.Factory>
{
    [Fact]
    public async Task Underlined_motto_short_rules_page_numbers_6_pt_spacing_the_month_written_right_and_issuer_and_signer_agreeing()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("decree.office", Roles.DistrictOffice, "VPHDND"));
        var bytes = await office.GetByteArrayAsync(new Uri("/reports/notices/1/report.docx", UriKind.Relative));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        var text = string.Join('\n', paragraphs.Select(p => p.InnerText));
        Paragraph Find(string start) => paragraphs.First(p => p.InnerText.StartsWith(start, StringComparison.Ordinal));
        Paragraph? Next(Paragraph p) => paragraphs.ElementAtOrDefault(paragraphs.IndexOf(p) + 1);

        // The motto is underlined.
        Assert.All(Find("Độc lập - Tự do - Hạnh phúc").Descendants<Run>(), r => Assert.Equal(UnderlineValues.Single, r.RunProperties!.Underline!.Val!.Value));

        // The issuing body is written out ("và", not "&"), without "HUYỆN" alone on a line, and a short rule stands under it.
        Assert.DoesNotContain("&", text, StringComparison.Ordinal);
        var issuer = Find("VĂN PHÒNG HĐND VÀ UBND");
        Assert.Equal("VĂN PHÒNG HĐND VÀ UBND", issuer.InnerText);
        Assert.True(IsShortRule(Next(issuer)), "a short rule under the issuing body");

        // The trích yếu: one line with no literal "số …" and no extra italic line, and a short rule under it.
        var summary = Find("Kết quả thực hiện");
        Assert.Equal("Kết quả thực hiện kết luận cuộc họp ngày 31/08/2023", summary.InnerText);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        Assert.True(IsShortRule(Next(summary)), "a short rule under the trích yếu");
        Assert.DoesNotContain(paragraphs, p => p.Descendants<Italic>().Any() && p.InnerText.StartsWith("Kết luận", StringComparison.Ordinal));

        // Number and date sit on one row; the month takes no leading zero but in January and February.
        var dateRow = body.Descendants<TableRow>().First(r => r.InnerText.Contains("Số:", StringComparison.Ordinal));
        Assert.Contains("Hiệp Đức, ngày 05 tháng 10 năm 2023", dateRow.InnerText, StringComparison.Ordinal);
        Assert.Equal("ngày 05 tháng 02 năm 2024", Features.Reports.NoticeReport.VietnameseDate(new DateOnly(2024, 2, 5)));
        Assert.Equal("ngày 15 tháng 5 năm 2024", Features.Reports.NoticeReport.VietnameseDate(new DateOnly(2024, 5, 15)));

        // Issuer and signature agree: the office reports in its own name and its head signs, with a name.
        Assert.Contains("/BC-VP", dateRow.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("TL. CHỦ TỊCH", text, StringComparison.Ordinal);
        Assert.Contains("CHÁNH VĂN PHÒNG", text, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", text, StringComparison.Ordinal);

        // Page numbers in the header, from page 2.
        var header = doc.MainDocumentPart.HeaderParts.Single().Header!;
        Assert.Contains(header.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
        Assert.NotNull(body.Descendants<SectionProperties>().Single().GetFirstChild<TitlePage>());

        // Paragraphs at least 6 pt apart; percentages written one way; no stray "..".
        Assert.All(paragraphs.Where(p => p.Ancestors<Table>().All(t => t.InnerText.Contains("Nơi nhận", StringComparison.Ordinal) == false) && p.InnerText.Length > 40),
            p => Assert.True(int.Parse(p.ParagraphProperties!.SpacingBetweenLines!.After!.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 120, p.InnerText));
        Assert.Matches(new Regex(@"tiến độ \d+ %"), text); // the portal's own percentages: "28,72 %", never "0%" (the notice's quoted words stay as written)
        Assert.DoesNotMatch(new Regex(@"tiến độ \d+%"), text);
        Assert.DoesNotContain("..", text.Replace("./.", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // Page 1, rendered by LibreOffice (to PDF) and poppler (to PNG), into the test artifacts.
        var dir = Directory.CreateTempSubdirectory("parportal-decree-");
        var docx = Path.Combine(dir.FullName, "bao-cao.docx");
        await File.WriteAllBytesAsync(docx, bytes);
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.First(File.Exists);
        await Processes.RunAsync(soffice, "--headless", "--norestore", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "pdf", "--outdir", dir.FullName, docx);
        await Processes.RunAsync("/usr/bin/pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", Path.Combine(dir.FullName, "bao-cao.pdf"), Path.Combine(dir.FullName, "trang-1"));
        var png = Path.Combine(dir.FullName, "trang-1.png");
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 10_000, "page 1 was not rendered");
        File.Copy(png, Path.Combine(Paths.Screenshots, "bao-cao-trang-1.png"), overwrite: true);
        dir.Delete(recursive: true);
    }

    private static bool IsShortRule(Paragraph? p) =>
        p is not null && string.IsNullOrEmpty(p.InnerText)
        && p.ParagraphProperties?.ParagraphBorders?.BottomBorder?.Val?.Value == BorderValues.Single
        && p.ParagraphProperties.Indentation is { Left.Value: not null, Right.Value: not null };

    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["Reports:SignerName"] = "Trần Thị Bình";
    }
}
