using System.Text;
using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>
/// Task tables (TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn | Ghi chú), as plans and appendices list
/// them: Markdown pipe tables (a Word table arrives as one through <see cref="DocxText"/>) and tab-separated rows pasted
/// from Word. Columns are found by their headers, in any order. A row numbered I, II… or holding one merged cell is a
/// section; a row without a number continues the row above (a cell that ran over several lines), as does a pasted line
/// that does not start with a number.
/// </summary>
public static partial class NoticeParser
{
    private enum Column
    {
        Number,
        Content,
        Lead,
        Coordinating,
        Deadline,
        Note,
    }

    private sealed class TableRow(int start, int end, string? section, string number)
    {
        public int Start { get; } = start;

        public int End { get; set; } = end;

        public string? Section { get; } = section;

        public string Number { get; } = number;

        /// <summary>How many cells the pasted row has so far (a row broken inside a cell arrives in pieces).</summary>
        public int Width { get; set; }

        public Dictionary<Column, List<Span>> Cells { get; } = [];

        public void Add(Column column, Span span)
        {
            if (span.Length > 0)
            {
                (Cells.TryGetValue(column, out var list) ? list : Cells[column] = []).Add(span);
            }
        }
    }

    private sealed record NoticeTable(int Start, int End, List<TableRow> Rows);

    /// <summary>The task tables of the body, each with its rows, in the order of the text.</summary>
    private static List<NoticeTable> Tables(string text, List<(int Start, int Length)> lines, int from, int to)
    {
        var tables = new List<NoticeTable>();
        var body = lines.Where(l => l.Start >= from && l.Start < to).ToList();
        for (var i = 0; i < body.Count; i++)
        {
            var (start, length) = body[i];
            var line = text.Substring(start, length);
            var pipe = line.TrimStart().StartsWith('|');
            if (!pipe && !line.Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            var header = Cells(text, start, length, pipe);
            var columns = Columns(text, header);
            if (columns is null)
            {
                continue;
            }

            var rows = new List<TableRow>();
            string? section = null;
            var last = i;
            for (var j = i + 1; j < body.Count; j++)
            {
                var (s, l) = body[j];
                var raw = text.Substring(s, l);
                if (raw.Trim().Length == 0 || (pipe && !raw.TrimStart().StartsWith('|')))
                {
                    break;
                }

                var cells = Cells(text, s, l, pipe);
                if (pipe && cells.All(c => SeparatorCell().IsMatch(text.AsSpan(c.Start, c.Length)) || c.Length == 0))
                {
                    last = j;
                    continue;
                }

                string Cell(int index) => index < cells.Count ? text.Substring(cells[index].Start, cells[index].Length) : string.Empty;
                var numberAt = columns.FirstOrDefault(c => c.Value == Column.Number).Key;
                var hasNumber = columns.ContainsValue(Column.Number);
                var first = hasNumber ? Cell(numberAt).Trim() : string.Empty;
                var filled = cells.Count(c => c.Length > 0);
                var previous = rows.Count > 0 ? rows[^1] : null;

                // A section: "I" / "II. CHUYỂN ĐỔI SỐ" in the number cell, or one merged cell written in capitals.
                var sectionMatch = SectionCell().Match(first);
                var text1 = string.Join(' ', cells.Where(c => c.Length > 0).Select(c => text.Substring(c.Start, c.Length)));
                // (A pasted line holding only text is the rest of a cell unless it is written in capitals.)
                if ((sectionMatch.Success && filled <= 2) || (pipe && filled == 1 && first.Length > 6 && !RowNumber().IsMatch(first))
                    || (filled == 1 && (pipe ? first.Length == 0 : true) && IsCapitals(text1)))
                {
                    section = sectionMatch.Success ? sectionMatch.Groups[1].Value : null;
                    rows.Add(new TableRow(s, s + l, section, string.Empty));
                    last = j;
                    continue;
                }

                if (RowNumber().IsMatch(first) && (pipe || cells.Count > 1))
                {
                    var row = new TableRow(s, s + l, section, first.TrimEnd('.', ')')) { Width = cells.Count };
                    for (var c = 0; c < cells.Count; c++)
                    {
                        if (columns.TryGetValue(c, out var column) && column != Column.Number)
                        {
                            row.Add(column, cells[c]);
                        }
                    }

                    rows.Add(row);
                }
                else if (previous is { Number.Length: > 0 })
                {
                    // The rest of a cell that ran over several lines. A table row without a number adds each cell to the
                    // cell above it; so does a pasted line that starts with a tab (an empty number cell) or follows a
                    // complete row (its cells from the content column on); any other pasted line goes on in the cell
                    // where the line before it stopped.
                    var contentAt = columns.FirstOrDefault(c => c.Value == Column.Content).Key;
                    var column = pipe || raw.StartsWith('\t') ? 0
                        : previous.Width >= header.Count ? contentAt
                        : Math.Max(0, LastColumnOf(previous, columns));
                    previous.Width += cells.Count - 1;
                    for (var c = 0; c < cells.Count; c++)
                    {
                        var at = column + c;
                        if (columns.TryGetValue(at, out var target) && target != Column.Number)
                        {
                            previous.Add(target, cells[c]);
                        }
                    }

                    previous.End = s + l;
                }
                else
                {
                    break;
                }

                last = j;
            }

            if (rows.Any(r => r.Number.Length > 0))
            {
                tables.Add(new NoticeTable(start, body[last].Start + body[last].Length, rows));
            }

            i = last;
        }

        return tables;
    }

    /// <summary>The column of a pasted row's last cell, where a line broken inside it goes on.</summary>
    private static int LastColumnOf(TableRow row, Dictionary<int, Column> columns)
    {
        var last = row.Cells.SelectMany(c => c.Value.Select(s => (c.Key, s.End))).OrderBy(x => x.End).LastOrDefault();
        return row.Cells.Count == 0 ? 1 : columns.First(c => c.Value == last.Key).Key;
    }

    private static bool IsCapitals(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).Count(char.IsUpper) * 10 >= s.Count(char.IsLetter) * 8;

    /// <summary>The spans of a line's cells, trimmed: between pipes, or between tabs.</summary>
    private static List<Span> Cells(string text, int start, int length, bool pipe)
    {
        var cells = new List<Span>();
        var line = text.Substring(start, length);
        var from = 0;
        var to = line.Length;
        if (pipe)
        {
            from = line.IndexOf('|', StringComparison.Ordinal) + 1;
            var lastPipe = line.LastIndexOf('|');
            to = lastPipe >= from ? lastPipe : line.Length;
        }

        var separator = pipe ? '|' : '\t';
        var cellStart = from;
        for (var i = from; i <= to; i++)
        {
            if (i == to || line[i] == separator)
            {
                var a = cellStart;
                var b = i;
                while (a < b && (char.IsWhiteSpace(line[a]) || line[a] == '"'))
                {
                    a++;
                }

                while (b > a && (char.IsWhiteSpace(line[b - 1]) || line[b - 1] == '"'))
                {
                    b--;
                }

                cells.Add(new Span(start + a, b - a));
                cellStart = i + 1;
            }
        }

        return cells;
    }

    /// <summary>The columns a header row names, or null when it is no task table (no content, or neither units nor deadline).</summary>
    private static Dictionary<int, Column>? Columns(string text, List<Span> header)
    {
        var columns = new Dictionary<int, Column>();
        for (var i = 0; i < header.Count; i++)
        {
            var h = FoldSameLength(text.Substring(header[i].Start, header[i].Length)).Trim().TrimEnd('.');
            Column? column = h switch
            {
                "tt" or "stt" or "so tt" or "so thu tu" => Column.Number,
                _ when h.Contains("phoi hop", StringComparison.Ordinal) => Column.Coordinating,
                _ when h.Contains("chu tri", StringComparison.Ordinal) || (h.Contains("thuc hien", StringComparison.Ordinal) && (h.Contains("don vi", StringComparison.Ordinal) || h.Contains("co quan", StringComparison.Ordinal))) => Column.Lead,
                _ when h.Contains("thoi gian", StringComparison.Ordinal) || h.Contains("thoi han", StringComparison.Ordinal) || h.Contains("han hoan thanh", StringComparison.Ordinal) || h.Contains("tien do", StringComparison.Ordinal) => Column.Deadline,
                _ when h.Contains("noi dung", StringComparison.Ordinal) || h.Contains("nhiem vu", StringComparison.Ordinal) || h.Contains("cong viec", StringComparison.Ordinal) => Column.Content,
                _ when h.Contains("ghi chu", StringComparison.Ordinal) || h.Contains("san pham", StringComparison.Ordinal) => Column.Note,
                _ => null,
            };
            if (column is { } c && !columns.ContainsValue(c))
            {
                columns[i] = c;
            }
        }

        return columns.ContainsValue(Column.Content) && (columns.ContainsValue(Column.Lead) || columns.ContainsValue(Column.Deadline)) ? columns : null;
    }

    /// <summary>The notice with its tables' lines blanked (same length, so every span stays valid).</summary>
    private static string Mask(string text, List<NoticeTable> tables)
    {
        if (tables.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var t in tables)
        {
            for (var i = t.Start; i < t.End; i++)
            {
                if (chars[i] != '\n')
                {
                    chars[i] = ' ';
                }
            }
        }

        return new string(chars);
    }

    /// <summary>One task per numbered row: its units from the unit columns, its deadline from the deadline cell.</summary>
    private static IEnumerable<ParsedTask> TableTasks(string text, string folded, NoticeTable table, string? owner, UnitMatcher matcher, IReadOnlyList<KpiKeywords> kpis, DateOnly anchor, List<Found<string>> unknown)
    {
        foreach (var row in table.Rows.Where(r => r.Number.Length > 0))
        {
            string Join(Column c) => string.Join(' ', row.Cells.GetValueOrDefault(c, []).Select(s => text.Substring(s.Start, s.Length)));
            var content = Join(Column.Content);
            var note = Join(Column.Note);
            var units = new Dictionary<int, ParsedUnit>();
            var proposed = new List<ParsedUnit>();
            foreach (var (column, role) in new[] { (Column.Lead, AssignmentRole.Lead), (Column.Coordinating, AssignmentRole.Coordinating) })
            {
                var cells = row.Cells.GetValueOrDefault(column, []);
                // One unit leads; a group, or several units named in the lead cell, each do their own share.
                var several = cells.SelectMany(c => UnitList(text, c)).Sum(p => matcher.Find(text, folded, p).Count()) > 1;
                foreach (var cell in cells)
                {
                    foreach (var part in UnitList(text, cell))
                    {
                        var hits = matcher.Find(text, folded, part).ToList();
                        foreach (var hit in hits)
                        {
                            Put(units, hit, role == AssignmentRole.Lead && (several || hit.UnitIds.Count > 1) ? AssignmentRole.Implementing : role, certain: true);
                        }

                        var name = text.Substring(part.Start, part.Length).Trim();
                        if (hits.Count == 0 && name.Length > 3 && char.IsUpper(name[0]) && !FoldSameLength(name).Contains("cac ", StringComparison.Ordinal))
                        {
                            var found = new Found<string>(name, part, false);
                            unknown.Add(found);
                            proposed.Add(new ParsedUnit(null, name, role, part, false));
                        }
                    }
                }
            }

            var deadlineCells = row.Cells.GetValueOrDefault(Column.Deadline, []);
            var deadline = deadlineCells.Count == 0 ? new Found<Deadline>(Deadlines.Deadline.NotSet(), null, true) : DeadlineCell(text, deadlineCells[0], anchor);
            var references = row.Cells.GetValueOrDefault(Column.Content, []).Concat(row.Cells.GetValueOrDefault(Column.Note, []))
                .SelectMany(s => ReferencePattern().Matches(text.Substring(s.Start, s.Length)).Select(r => new ParsedReference(DocumentReference.Parse(r.Value.TrimEnd(',', '.', ';', ' ')), new Span(s.Start + r.Index, r.Length))))
                .ToList();
            // Targets are the content's figures; the KPI a figure names may sit on another line of the same cell.
            // The other cells between its lines are blanked, so that no unit or note names the KPI.
            var contentSpans = row.Cells.GetValueOrDefault(Column.Content, []);
            var targets = new List<ParsedTarget>();
            if (contentSpans.Count == 1)
            {
                targets.AddRange(Targets(text, folded, contentSpans[0], kpis));
            }
            else if (contentSpans.Count > 1)
            {
                var range = new Span(contentSpans[0].Start, contentSpans[^1].End - contentSpans[0].Start);
                var onlyContent = folded.ToCharArray();
                for (var i = range.Start; i < range.End; i++)
                {
                    if (!contentSpans.Any(s => i >= s.Start && i < s.End) && onlyContent[i] != '\n')
                    {
                        onlyContent[i] = ' ';
                    }
                }

                targets.AddRange(Targets(text, new string(onlyContent), range, kpis).Where(t => contentSpans.Any(s => t.Span.Start >= s.Start && t.Span.End <= s.End)));
            }
            var firstClause = content.Split(['.', ';', ':'], 2)[0].Trim();
            var title = firstClause.Length > 160 ? firstClause[..firstClause.LastIndexOf(' ', 157)] + "…" : firstClause;
            var contentSpan = row.Cells.GetValueOrDefault(Column.Content, []).FirstOrDefault();
            var prefix = row.Section ?? owner;
            var full = note.Length > 0 ? $"{content}\nGhi chú: {note}" : content;
            yield return new ParsedTask(prefix is null ? row.Number : $"{prefix}.{row.Number}", new Found<string>(title, contentSpan, false), full,
                new Span(row.Start, row.End - row.Start), deadline, units.Values.Concat(proposed).OrderBy(u => u.Role).ToList(), references, targets);
        }
    }

    /// <summary>The names listed in a unit cell: "UBND xã Hiệp Hòa, UBND xã Quế Thọ", "Phòng Nội vụ; Công an huyện".</summary>
    private static List<Span> UnitList(string text, Span cell)
    {
        var s = text.Substring(cell.Start, cell.Length);
        var parts = new List<Span>();
        var start = 0;
        foreach (var m in UnitListSeparator().Matches(s).Append(null))
        {
            var end = m?.Index ?? s.Length;
            var part = s[start..end];
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                var at = cell.Start + start + (part.Length - part.TrimStart().Length);
                if (!char.IsUpper(trimmed[0]) && parts.Count > 0)
                {
                    // "UBND các xã, thị trấn" is one group: a part without a capital goes with the part before it.
                    parts[^1] = new Span(parts[^1].Start, at + trimmed.Length - parts[^1].Start);
                }
                else
                {
                    parts.Add(new Span(at, trimmed.Length));
                }
            }

            start = m is null ? s.Length : m.Index + m.Length;
        }

        return parts;
    }

    /// <summary>A deadline cell as offices fill it: "Tháng 6/2024", "Quý III/2024", "30/6/2024", "Thường xuyên", "Hằng tháng, trước ngày 25".</summary>
    private static Found<Deadline> DeadlineCell(string text, Span cell, DateOnly anchor)
    {
        var s = text.Substring(cell.Start, cell.Length);
        var written = s.Trim();
        var phrase = CellPeriod().IsMatch(written) ? "trong " + written : CellDate().IsMatch(written) ? "trước ngày " + written : written;
        var found = DeadlineIn(phrase, cell.Start, anchor);
        return found.Span is null ? found : new Found<Deadline>(Deadlines.Deadline.Restore(found.Value.Kind, found.Value.LastDay, found.Value.IsUrgent, written, found.Value.RecurrenceCode), cell, found.Certain);
    }

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex SeparatorCell();

    [GeneratedRegex(@"^([IVX]{1,4})(?:[.\s]|$)")]
    private static partial Regex SectionCell();

    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,2})?|[a-zđ])[.)]?$")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"\s*[,;\n]\s*|\s+và\s+")]
    private static partial Regex UnitListSeparator();

    [GeneratedRegex(@"^(?:tháng|quý|năm)\s", RegexOptions.IgnoreCase)]
    private static partial Regex CellPeriod();

    [GeneratedRegex(@"^\d{1,2}[/-]\d{1,2}")]
    private static partial Regex CellDate();
}
