using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HiepDuc.ParPortal.Web.Features.Reports;

public sealed record ReportDirective(string Label, string Title, string State, int Progress, int Completed, int Active, IReadOnlyList<string> LateUnits);

public sealed record ReportFigure(string Kpi, string Baseline, string Latest, string Coverage, string Target, string Verdict);

public sealed record ReportUnfinished(string Label, string Unit, string Timing, string? LastReport);

public sealed record NoticeReportData(
    string IssuingBody,
    string Office,
    string NoticeNumber,
    DateOnly NoticeDate,
    string NoticeTitle,
    DateOnly Today,
    IReadOnlyList<ReportDirective> Directives,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<ReportUnfinished> Unfinished,
    IReadOnlyList<string> UnitsToUrge);

/// <summary>
/// "Báo cáo kết quả thực hiện Thông báo kết luận" laid out per Decree 30/2020/NĐ-CP: the issuing body and the national
/// motto side by side, number, place and date, title, body, "Nơi nhận" and the signature block; Times New Roman,
/// A4, top/bottom 20 mm, left 30 mm, right 15 mm. The office edits it in Word and signs it in Q-Office.
/// </summary>
public static class NoticeReport
{
    private const string Font = "Times New Roman";
    private const int Body = 28;   // half-points: 14 pt
    private const int Small = 26;  // 13 pt
    private const int Tiny = 22;   // 11 pt

    public static byte[] Build(NoticeReportData d)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
            AddStyles(main);
            var body = main.Document.Body!;

            body.Append(HeaderTable(d));
            body.Append(Para(string.Empty));
            body.Append(Para("BÁO CÁO", bold: true, center: true, size: Body));
            body.Append(Para($"Kết quả thực hiện Thông báo kết luận số {d.NoticeNumber} ngày {d.NoticeDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", bold: true, center: true, size: Body));
            body.Append(Para(d.NoticeTitle, italic: true, center: true, size: Small));
            body.Append(Para(string.Empty));
            body.Append(Para($"Thực hiện nhiệm vụ được giao tại Thông báo kết luận nêu trên, {d.Office} báo cáo kết quả thực hiện tính đến ngày {d.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} như sau:", justify: true, indent: true));

            body.Append(Para("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold: true));
            foreach (var x in d.Directives)
            {
                var late = x.LateUnits.Count == 0 ? string.Empty : $" Đơn vị quá hạn: {string.Join(", ", x.LateUnits)}.";
                body.Append(Para($"{x.Label}. {x.Title}: {x.State}; tiến độ {x.Progress}%; {x.Completed}/{x.Active} đơn vị hoàn thành.{late}", justify: true, indent: true));
            }

            body.Append(Para("II. KẾT QUẢ CÁC CHỈ TIÊU", bold: true));
            body.Append(FiguresTable(d.Figures));

            body.Append(Para("III. NHIỆM VỤ CHƯA HOÀN THÀNH VÀ NGUYÊN NHÂN", bold: true));
            if (d.Unfinished.Count == 0)
            {
                body.Append(Para("Không có nhiệm vụ quá hạn, chậm báo cáo hoặc sắp đến hạn.", indent: true));
            }

            foreach (var u in d.Unfinished)
            {
                body.Append(Para($"- {u.Label} — {u.Unit}: {u.Timing}; báo cáo gần nhất: {u.LastReport ?? "chưa báo cáo"}.", justify: true, indent: true));
            }

            body.Append(Para("IV. ĐỀ XUẤT, KIẾN NGHỊ", bold: true));
            body.Append(Para(d.UnitsToUrge.Count == 0
                ? "Các nhiệm vụ đang được thực hiện đúng tiến độ; Văn phòng tiếp tục theo dõi, đôn đốc và báo cáo."
                : $"Đề nghị Chủ tịch UBND huyện chỉ đạo các đơn vị sau khẩn trương báo cáo, hoàn thành các nhiệm vụ quá hạn hoặc chậm báo cáo: {string.Join(", ", d.UnitsToUrge)}. Các nhiệm vụ chưa hoàn thành được chuyển sang danh mục theo dõi của phiên họp tiếp theo.", justify: true, indent: true));
            body.Append(Para(string.Empty));
            body.Append(SignatureTable());
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table HeaderTable(NoticeReportData d)
    {
        var left = new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "3600", Type = TableWidthUnitValues.Dxa }),
            Para(d.IssuingBody.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), center: true, size: Small),
            Para(d.Office.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold: true, center: true, size: Small),
            Para("Số:      /BC-VP", center: true, size: Small));
        var right = new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "5755", Type = TableWidthUnitValues.Dxa }),
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 24),
            Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, size: Body),
            Para($"Hiệp Đức, ngày {d.Today.Day:00} tháng {d.Today.Month:00} năm {d.Today.Year}", italic: true, center: true, size: Body));
        return Borderless(new TableRow(left, right), 3600, 5755);
    }

    private static Table SignatureTable()
    {
        var left = new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "4678", Type = TableWidthUnitValues.Dxa }),
            Para("Nơi nhận:", bold: true, italic: true, size: 24),
            Para("- Chủ tịch, các PCT UBND huyện (b/c);", size: Tiny),
            Para("- Các cơ quan, đơn vị liên quan;", size: Tiny),
            Para("- UBND các xã, thị trấn;", size: Tiny),
            Para("- Lưu: VT.", size: Tiny));
        var right = new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "4677", Type = TableWidthUnitValues.Dxa }),
            Para("TL. CHỦ TỊCH", bold: true, center: true, size: Body),
            Para("CHÁNH VĂN PHÒNG", bold: true, center: true, size: Body),
            Para(string.Empty),
            Para(string.Empty),
            Para(string.Empty));
        return Borderless(new TableRow(left, right), 4678, 4677);
    }

    private static Table FiguresTable(IReadOnlyList<ReportFigure> figures)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(true, "Chỉ tiêu", "Mốc ban đầu", "Kết quả mới nhất", "Đơn vị có số liệu", "Mục tiêu", "Đánh giá"));
        foreach (var f in figures)
        {
            table.Append(Row(false, f.Kpi, f.Baseline, f.Latest, f.Coverage, f.Target, f.Verdict));
        }

        return table;

        static TableRow Row(bool header, params string[] cells) =>
            new(cells.Select(c => new TableCell(Para(c, bold: header, size: 24))));
    }

    /// <summary>A two-column layout table (no borders) across the 9 355-twip text width of the page.</summary>
    private static Table Borderless(TableRow row, int left, int right) => new(
        new TableProperties(
            new TableWidth { Width = (left + right).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
        new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }),
        row);

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false, bool indent = false, int size = Body)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto });
        if (center || justify)
        {
            props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both });
        }

        if (indent)
        {
            props.Append(new Indentation { FirstLine = "567" });
        }

        var runProps = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font }, new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProps.Append(new Bold());
        }

        if (italic)
        {
            runProps.Append(new Italic());
        }

        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60" }))));
        styles.Styles.Save();
    }
}
