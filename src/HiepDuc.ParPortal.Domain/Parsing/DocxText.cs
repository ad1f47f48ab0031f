using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>
/// The text of a Word notice as the parser reads it: one line per paragraph; Word's automatic numbering written out
/// ("1.", "a)" in the Vietnamese alphabet, "-"), and each table as a Markdown pipe table: one line per row, a cell's
/// paragraphs joined, a cell merged across columns written once with empty cells after it (so every row keeps the
/// header's columns), and a cell merged down the rows repeated in each row it covers (a deadline shared by two tasks).
/// </summary>
public static class DocxText
{
    // Word numbers with the Latin alphabet (a, b, c, d, e…): the label is what the reader sees.
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <exception cref="InvalidDataException">Not a Word file, or one that unpacks past <see cref="Packages.MaxUnpackedBytes"/>.</exception>
    public static string Extract(Stream docx)
    {
        if (docx.CanSeek && !Packages.WithinUnpackedLimit(docx))
        {
            throw new InvalidDataException("unpacked");
        }

        using var doc = WordprocessingDocument.Open(docx, false);
        var body = doc.MainDocumentPart?.Document.Body ?? throw new InvalidDataException("The document has no body.");
        var numbering = doc.MainDocumentPart.NumberingDefinitionsPart?.Numbering;
        var counters = new Dictionary<(int Num, int Level), int>();
        var text = new StringBuilder();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    text.Append(Marker(p, numbering, counters)).AppendLine(p.InnerText);
                    break;
                case Table t:
                    text.AppendLine();
                    var above = new Dictionary<int, string>();
                    foreach (var row in t.Elements<TableRow>())
                    {
                        var cells = new List<string>();
                        foreach (var c in row.Elements<TableCell>())
                        {
                            var props = c.TableCellProperties;
                            var continued = props?.VerticalMerge is { } v && (v.Val is null || v.Val.Value != MergedCellValues.Restart);
                            var content = continued ? above.GetValueOrDefault(cells.Count, string.Empty) : string.Join(' ', c.Elements<Paragraph>().Select(x => x.InnerText.Trim()).Where(x => x.Length > 0)).Replace('|', '/');
                            above[cells.Count] = content;
                            cells.Add(content);
                            for (var span = props?.GridSpan?.Val?.Value ?? 1; span > 1; span--)
                            {
                                cells.Add(string.Empty);
                            }
                        }

                        text.Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");
                    }

                    text.AppendLine();
                    break;
            }
        }

        return text.ToString();
    }

    private static string Marker(Paragraph p, Numbering? numbering, Dictionary<(int, int), int> counters)
    {
        var props = p.ParagraphProperties?.NumberingProperties;
        if (props?.NumberingId?.Val?.Value is not { } numId || numbering is null)
        {
            return string.Empty;
        }

        var level = props.NumberingLevelReference?.Val?.Value ?? 0;
        var format = Format(numbering, numId, level);
        var key = (numId, level);
        counters[key] = counters.GetValueOrDefault(key) + 1;
        foreach (var deeper in counters.Keys.Where(k => k.Item1 == numId && k.Item2 > level).ToList())
        {
            counters.Remove(deeper);
        }

        var n = counters[key];
        return format switch
        {
            "decimal" => $"{n.ToString(CultureInfo.InvariantCulture)}. ",
            "lowerLetter" => $"{(n <= Letters.Length ? Letters[n - 1] : 'z')}) ",
            "upperRoman" => $"{Roman(n)}. ",
            _ => "- ",
        };
    }

    private static string? Format(Numbering numbering, int numId, int level)
    {
        var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(i => i.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        return definition?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val?.InnerText;
    }

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => "X" };
}
