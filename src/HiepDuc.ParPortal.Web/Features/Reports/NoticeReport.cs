using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HiepDuc.ParPortal.Web.Features.Reports;

/// <summary>A directive's paragraph: its signal, progress and completions, and what the units reported on it (the latest
/// reports, newest first, each shortened).</summary>
public sealed record ReportDirective(string Label, string Title, string State, int Progress, int Completed, int Active, IReadOnlyList<string> LateUnits)
{
    public IReadOnlyList<ReportedWork> Reported { get; init; } = [];
}

/// <summary>What one unit last reported on a directive, and when.</summary>
public sealed record ReportedWork(string Unit, DateOnly On, string Text);

/// <summary>A KPI's line; a KPI with a target and no figure yet is listed too ("chưa có số liệu").</summary>
public sealed record ReportFigure(string Kpi, string Baseline, string Latest, string Coverage, string Target, string Verdict);

/// <summary>Unfinished work in red or amber; <see cref="LastReport"/> is null when the unit never reported.</summary>
public sealed record ReportUnfinished(string Label, string Unit, string Timing, string? LastReport);

/// <summary>
/// What the report says. The office reports in its own name: <see cref="ParentBody"/> above <see cref="Issuer"/>, the
/// number "Số: /BC-VP" and the signature of <see cref="SignerTitle"/> agree (Decree 30/2020/NĐ-CP, Appendix I).
/// </summary>
public sealed record NoticeReportData(
    string ParentBody,
    string Issuer,
    string Place,
    string? NoticeNumber,
    DateOnly? NoticeIssued,
    DateOnly MeetingDate,
    DateOnly Today,
    IReadOnlyList<ReportDirective> Directives,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<ReportUnfinished> Unfinished,
    IReadOnlyList<string> UnitsToUrge,
    string SignerTitle,
    string? SignerName,
    string LevelWord = "huyện",
    string CopiesToLowerLevel = "- UBND các xã, thị trấn;");

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
            var pageNumbers = PageNumberHeader(main);
            var body = main.Document.Body!;

            body.Append(HeaderTable(d));
            body.Append(Para(string.Empty));
            body.Append(Para("BÁO CÁO", bold: true, center: true, size: Body));
            body.Append(Para(Summary(d), bold: true, center: true, size: Body));
            body.Append(ShortRule(3400));
            body.Append(Para($"Thực hiện nhiệm vụ được giao tại Thông báo kết luận nêu trên, {Issuer(d.Issuer, upper: false)} báo cáo kết quả thực hiện tính đến {VietnameseDate(d.Today)} như sau:", justify: true, indent: true));

            body.Append(Para("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold: true));
            foreach (var x in d.Directives)
            {
                body.Append(Para($"{x.Label}. {Clause(x.Title)}: {x.State}; tiến độ {Shared.Format.Percent(x.Progress)}; {x.Completed}/{x.Active} đơn vị hoàn thành.", justify: true, indent: true));
                if (x.Reported.Count > 0)
                {
                    // What the units said, in their words: the newest reports, shortened; the rest counted.
                    var shown = x.Reported.Take(ReportedShown).Select(r => $"{r.Unit} ({Shared.Format.Date(r.On)}): {Clause(Shorten(r.Text))}");
                    var more = x.Reported.Count > ReportedShown ? $"; và {x.Reported.Count - ReportedShown} đơn vị khác đã báo cáo" : string.Empty;
                    body.Append(Para($"Các đơn vị báo cáo: {string.Join("; ", shown)}{more}.", justify: true, indent: true, size: Small));
                }
            }

            body.Append(Para("II. KẾT QUẢ CÁC CHỈ TIÊU", bold: true));
            body.Append(FiguresTable(d.Figures));

            body.Append(Para("III. NHIỆM VỤ CHƯA HOÀN THÀNH VÀ NGUYÊN NHÂN", bold: true));
            if (d.Unfinished.Count == 0)
            {
                body.Append(Para("Không có nhiệm vụ quá hạn, chậm báo cáo hoặc sắp đến hạn.", indent: true));
            }

            // Units that never reported are one line per directive and signal ("14 đơn vị chưa báo cáo: …"); units that
            // did report keep a line each, with what they last said.
            foreach (var directive in d.Unfinished.GroupBy(u => u.Label))
            {
                foreach (var silent in directive.Where(u => u.LastReport is null).GroupBy(u => u.Timing))
                {
                    var units = silent.Select(u => u.Unit).ToList();
                    body.Append(Para(units.Count == 1
                        ? $"- {directive.Key} — {units[0]}: {silent.Key}; chưa báo cáo lần nào."
                        : $"- {directive.Key} — {units.Count} đơn vị chưa báo cáo lần nào ({silent.Key}): {string.Join(", ", units)}.", justify: true, indent: true));
                }

                foreach (var u in directive.Where(u => u.LastReport is not null))
                {
                    body.Append(Para($"- {u.Label} — {u.Unit}: {u.Timing}; báo cáo gần nhất: {Clause(Shorten(u.LastReport!))}.", justify: true, indent: true));
                }
            }

            body.Append(Para("IV. ĐỀ XUẤT, KIẾN NGHỊ", bold: true));
            body.Append(Para(d.UnitsToUrge.Count == 0
                ? "Các nhiệm vụ đang được thực hiện đúng tiến độ; Văn phòng tiếp tục theo dõi, đôn đốc và báo cáo."
                : $"Đề nghị Chủ tịch UBND {d.LevelWord} chỉ đạo các đơn vị sau khẩn trương báo cáo, hoàn thành các nhiệm vụ quá hạn hoặc chậm báo cáo: {string.Join(", ", d.UnitsToUrge)}. Các nhiệm vụ chưa hoàn thành được chuyển sang danh mục theo dõi của phiên họp tiếp theo.", justify: true, indent: true));
            body.Append(Para(string.Empty));
            body.Append(SignatureTable(d));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = pageNumbers },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 567U, Footer = 567U, Gutter = 0U },
                new TitlePage())); // page numbers from page 2, none on the first
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>How many units' reports a directive's paragraph quotes.</summary>
    public const int ReportedShown = 3;

    /// <summary>How much of a report the Word report quotes.</summary>
    public const int QuoteLength = 160;

    /// <summary>A report quoted in a sentence: its first line, at most <see cref="QuoteLength"/> characters, cut at a word.</summary>
    public static string Shorten(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        if (line.Length <= QuoteLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', QuoteLength);
        return line[..(cut > QuoteLength / 2 ? cut : QuoteLength)].TrimEnd(',', ';', ' ') + "…";
    }

    /// <summary>The trích yếu: what the report is about, naming the notice by its number and date when known.</summary>
    public static string Summary(NoticeReportData d) => d.NoticeNumber is { } number
        ? $"Kết quả thực hiện Thông báo kết luận số {number}{(d.NoticeIssued is { } issued ? $" ngày {Shared.Format.Date(issued)}" : string.Empty)}"
        : $"Kết quả thực hiện kết luận cuộc họp ngày {Shared.Format.Date(d.MeetingDate)}";

    /// <summary>"ngày 05 tháng 10 năm 2023": a day below 10 and the months of January and February take a leading zero (Decree 30/2020, Appendix I).</summary>
    public static string VietnameseDate(DateOnly day) =>
        $"ngày {day.Day:00} tháng {(day.Month <= 2 ? day.Month.ToString("00", CultureInfo.InvariantCulture) : day.Month.ToString(CultureInfo.InvariantCulture))} năm {day.Year}";

    /// <summary>The issuing body written in full words ("HĐND&amp;UBND" → "HĐND và UBND"); in capitals for the header.</summary>
    public static string Issuer(string name, bool upper)
    {
        var words = Words(name).Trim();
        return upper ? Upper(words) : words;
    }

    /// <summary>Capitals as Vietnamese writes them (the header lines, the signer's title).</summary>
    private static string Upper(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>An official document writes "và", never "&amp;" ("VP HĐND&amp;UBND" → "VP HĐND và UBND").</summary>
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*&\s*", " và ");

    /// <summary>Text set inside a sentence: without its own closing full stop, so the sentence never ends "..".</summary>
    private static string Clause(string text) => text.Trim().TrimEnd('.', ';', ' ');

    private static Table HeaderTable(NoticeReportData d)
    {
        // The issuing body and its parent on the left, the national name and motto on the right; "Số" and the place and
        // date on one row, level with each other.
        var issuer = Issuer(d.Issuer, upper: true);
        var suffix = " " + Upper(d.LevelWord);
        if (issuer.EndsWith(suffix, StringComparison.Ordinal))
        {
            issuer = issuer[..^suffix.Length]; // the parent line names the district (or commune) already
        }

        var top = new TableRow(
            Cell(3855,
                Para(Upper(d.ParentBody), center: true, size: 24, after: 0),
                Para(issuer, bold: true, center: true, size: 24, after: 0),
                ShortRule(1200)),
            Cell(5500,
                Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 24, after: 0),
                Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, size: Body, underline: true, after: 0)));
        var dateRow = new TableRow(
            Cell(3855, Para("Số:        /BC-VP", center: true, size: Small)),
            Cell(5500, Para($"{d.Place}, {VietnameseDate(d.Today)}", italic: true, center: true, size: Body)));
        return Borderless([top, dateRow], 3855, 5500);
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content) =>
        new([new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), .. content]);

    /// <summary>The short solid rule under the issuing body and under the trích yếu: a centred paragraph, narrowed by <paramref name="inset"/> on each side, with a bottom border.</summary>
    private static Paragraph ShortRule(int inset) => new(
        new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { Before = "0", After = "120", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = inset.ToString(CultureInfo.InvariantCulture), Right = inset.ToString(CultureInfo.InvariantCulture) }),
        new Run(new Text(string.Empty)));

    private static Table SignatureTable(NoticeReportData d)
    {
        var left = Cell(4678,
            Para("Nơi nhận:", bold: true, italic: true, size: 24, after: 0),
            Para($"- Chủ tịch, các PCT UBND {d.LevelWord} (để báo cáo);", size: Tiny, after: 0),
            Para("- Các cơ quan, đơn vị liên quan;", size: Tiny, after: 0),
            Para(d.CopiesToLowerLevel, size: Tiny, after: 0),
            Para("- Lưu: VT.", size: Tiny, after: 0));
        var right = Cell(4677,
            Para(Upper(d.SignerTitle), bold: true, center: true, size: Body),
            Para(string.Empty),
            Para(string.Empty),
            Para(string.Empty),
            Para(d.SignerName ?? string.Empty, bold: true, center: true, size: Body));
        return Borderless([new TableRow(left, right)], 4678, 4677);
    }

    /// <summary>A header with the page number, centred (shown from page 2: the section has a distinct first page).</summary>
    private static string PageNumberHeader(MainDocumentPart main)
    {
        var part = main.AddNewPart<HeaderPart>();
        var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font }, new FontSize { Val = Small.ToString(CultureInfo.InvariantCulture) });
        part.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(run, new Text("2"))) { Instruction = " PAGE " }));
        part.Header.Save();
        return main.GetIdOfPart(part);
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
    private static Table Borderless(IEnumerable<TableRow> rows, int left, int right) => new([
        new TableProperties(
            new TableWidth { Width = (left + right).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
        new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }),
        .. rows]);

    /// <summary>A paragraph; body paragraphs are spaced 6 pt apart (the Decree's minimum), header lines closer.</summary>
    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false, bool indent = false, int size = Body, bool underline = false, int after = 120)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { After = after.ToString(CultureInfo.InvariantCulture), Line = "288", LineRule = LineSpacingRuleValues.Auto });
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

        if (underline)
        {
            runProps.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Paragraph(props, new Run(runProps, new Text(Words(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));
        styles.Styles.Save();
    }
}

/// <summary>Who signs the office's reports, and the place in the date line (set on /admin/settings).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The signer's title, as printed above the signature ("Chánh Văn phòng").</summary>
    public string SignerTitle { get; set; } = "Chánh Văn phòng";

    /// <summary>The signer's full name, printed under the signature; empty until the office sets it.</summary>
    public string? SignerName { get; set; }

}
