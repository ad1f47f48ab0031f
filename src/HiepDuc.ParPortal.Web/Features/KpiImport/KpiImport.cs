using System.Globalization;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Web.Features.Kpis;
using MiniExcelLibs;

namespace HiepDuc.ParPortal.Web.Features.KpiImport;

/// <summary>The columns of the import template, in Vietnamese as the office reads them.</summary>
public static class ImportColumns
{
    public const string Kpi = "Mã chỉ tiêu";
    public const string UnitCode = "Mã đơn vị";
    public const string UnitName = "Tên đơn vị";
    public const string Period = "Kỳ (tháng/năm)";
    public const string Numerator = "Tử số";
    public const string Denominator = "Mẫu số";
    public const string Note = "Ghi chú";
    public const string Rate = "Tỷ lệ (%)";

    public static readonly string[] Required = [Kpi, Period, Numerator, Denominator];
}

public sealed record ImportRow(int Line, int KpiId, string KpiCode, int? UnitId, string UnitName, DateOnly Month, long Numerator, long Denominator, string? Note, string KpiName = "")
{
    public decimal? Rate => KpiMath.Rate(Numerator, Denominator);
}

public sealed record ImportError(int Line, string Reason);

public sealed record KpiRef(int Id, string Code, KpiKind Kind, string Name = "");

public sealed record UnitRef(int Id, string Code, string Name, string? ShortName);

/// <summary>
/// Reads an uploaded sheet into rows, checking every row: unknown KPI or unit, missing period, a number that is not a
/// whole count ("7,83"), a numerator above its denominator, a month in the future, the same figure twice. A row whose
/// numerator and denominator are both blank is "no data" and skipped, as on the entry grid; one part alone is an error.
/// The caller saves nothing unless the list of errors is empty.
/// </summary>
public static class KpiImportReader
{
    public static (List<ImportRow> Rows, List<ImportError> Errors) Read(Stream stream, bool csv, IReadOnlyList<KpiRef> kpis, IReadOnlyList<UnitRef> units, DateOnly today, Func<string, object[], string> t)
    {
        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        List<IDictionary<string, object?>> records;
        Dictionary<int, CsvProblem> csvProblems;
        try
        {
            if (!csv && !Domain.Parsing.Packages.WithinUnpackedLimit(stream))
            {
                errors.Add(new ImportError(1, t("Import_TooLargeUnpacked", [Domain.Parsing.Packages.MaxUnpackedBytes / (1024 * 1024)])));
                return (rows, errors);
            }

            (records, csvProblems) = csv ? ReadCsv(stream) : (MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList(), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever the reader stumbles on — a broken archive, a short or long CSV row, an unbalanced quote — the
            // file is unreadable: one message, nothing saved, never a server error.
            errors.Add(new ImportError(1, t("Import_Unreadable", [])));
            return (rows, errors);
        }

        return Check(records, csvProblems, kpis, units, today, t);
    }

    /// <summary>
    /// Checks rows already read, keyed by the template's column names (<see cref="ImportColumns"/>): the rules every
    /// way in applies — the file import and the API's batches alike. Row i is reported as line i + 2 (under the header).
    /// </summary>
    public static (List<ImportRow> Rows, List<ImportError> Errors) Check(IReadOnlyList<IDictionary<string, object?>> records, IReadOnlyList<KpiRef> kpis, IReadOnlyList<UnitRef> units, DateOnly today, Func<string, object[], string> t) =>
        Check(records, [], kpis, units, today, t);

    private static (List<ImportRow> Rows, List<ImportError> Errors) Check(IReadOnlyList<IDictionary<string, object?>> records, Dictionary<int, CsvProblem> csvProblems, IReadOnlyList<KpiRef> kpis, IReadOnlyList<UnitRef> units, DateOnly today, Func<string, object[], string> t)
    {
        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        if (records.Count > 0 && ImportColumns.Required.FirstOrDefault(c => !records[0].ContainsKey(c)) is { } missing)
        {
            errors.Add(new ImportError(1, t("Import_MissingColumn", [missing])));
            return (rows, errors);
        }

        var kpiByCode = kpis.ToDictionary(k => k.Code, StringComparer.OrdinalIgnoreCase);
        var unitByCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var unitByName = units.SelectMany(u => new[] { (Key: VietnameseText.Fold(u.Name), u), (Key: VietnameseText.Fold(u.ShortName), u) })
            .Where(x => x.Key.Length > 0).GroupBy(x => x.Key).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().u);
        var seen = new Dictionary<(int, int?, DateOnly), int>();

        for (var i = 0; i < records.Count; i++)
        {
            var line = i + 2;
            var r = records[i];
            if (csvProblems.TryGetValue(i, out var problem))
            {
                errors.Add(new ImportError(line, t(problem == CsvProblem.ExtraCells ? "Import_CsvExtraCells" : "Import_CsvOpenQuote", [])));
                continue;
            }

            string? Text(string column) => r.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() : null;
            object? Cell(string column) => r.TryGetValue(column, out var v) ? v : null;
            if (r.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                continue; // a blank line
            }

            if (string.IsNullOrWhiteSpace(Text(ImportColumns.Numerator)) && string.IsNullOrWhiteSpace(Text(ImportColumns.Denominator)))
            {
                continue; // no data for this unit, as on the entry grid: the template lists every unit, the office fills some
            }

            var reasons = new List<string>();
            var code = Text(ImportColumns.Kpi);
            kpiByCode.TryGetValue(code ?? string.Empty, out var kpi);
            if (kpi is null)
            {
                reasons.Add(t("Import_UnknownKpi", [Echo(code)]));
            }

            var unitCode = Text(ImportColumns.UnitCode);
            var unitName = Text(ImportColumns.UnitName);
            UnitRef? unit = null;
            var district = string.IsNullOrEmpty(unitCode) && (string.IsNullOrEmpty(unitName) || VietnameseText.Fold(unitName) == "toan huyen");
            if (!district && !(unitCode is { Length: > 0 } && unitByCode.TryGetValue(unitCode, out unit)) && !unitByName.TryGetValue(VietnameseText.Fold(unitName), out unit))
            {
                reasons.Add(t("Import_UnknownUnit", [Echo(unitCode ?? unitName)]));
            }

            DateOnly? month = r.TryGetValue(ImportColumns.Period, out var p) ? Month(p) : null;
            if (month is null)
            {
                reasons.Add(t("Import_BadPeriod", [Echo(Convert.ToString(p, CultureInfo.InvariantCulture))]));
            }
            else if (month > today)
            {
                reasons.Add(t("Kpi_PeriodFuture", []));
            }

            var hasN = KpiNumbers.TryParseCount(Cell(ImportColumns.Numerator), out var n);
            var hasD = KpiNumbers.TryParseCount(Cell(ImportColumns.Denominator), out var d);
            if (!hasN)
            {
                reasons.Add(t("Import_BadNumber", [ImportColumns.Numerator, Echo(Convert.ToString(Cell(ImportColumns.Numerator), CultureInfo.InvariantCulture))]));
            }

            if (!hasD)
            {
                reasons.Add(t("Import_BadNumber", [ImportColumns.Denominator, Echo(Convert.ToString(Cell(ImportColumns.Denominator), CultureInfo.InvariantCulture))]));
            }

            var note = Text(ImportColumns.Note);
            if (note is { Length: > KpiMeasurement.MaxNoteLength })
            {
                reasons.Add(t("Import_NoteTooLong", [KpiMeasurement.MaxNoteLength]));
            }

            if (hasN && hasD && n > d && kpi?.Kind != KpiKind.Count)
            {
                reasons.Add(t("Import_NumeratorAboveDenominator", [n, d]));
            }

            if (kpi is not null && month is { } m && reasons.Count == 0)
            {
                if (seen.TryGetValue((kpi.Id, unit?.Id, m), out var first))
                {
                    reasons.Add(t("Import_Duplicate", [first]));
                }
                else
                {
                    seen[(kpi.Id, unit?.Id, m)] = line;
                }
            }

            if (reasons.Count > 0)
            {
                errors.Add(new ImportError(line, string.Join(" ", reasons)));
                continue;
            }

            rows.Add(new ImportRow(line, kpi!.Id, kpi.Code, unit?.Id, unit?.ShortName ?? unit?.Name ?? string.Empty, month!.Value, n, d, string.IsNullOrWhiteSpace(note) ? null : note, kpi.Name));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, t("Import_Empty", [])));
        }

        return (rows, errors);
    }

    /// <summary>How much of a wrong cell a message repeats.</summary>
    private const int EchoLength = 60;

    private static string Echo(string? value) =>
        value is null ? string.Empty : value.Length <= EchoLength ? value : string.Concat(value.AsSpan(0, EchoLength), "…");

    private enum CsvProblem
    {
        ExtraCells,
        OpenQuote,
    }

    /// <summary>
    /// Reads a CSV file as spreadsheets write it (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes)
    /// with "," or — as Excel writes in Vietnamese, where the comma is the decimal separator — ";". A row may be
    /// shorter than the header (its missing cells are empty) or end in empty cells (a trailing comma); a row with more
    /// filled cells than the header, or a quote left open, is reported on its own line.
    /// </summary>
    private static (List<IDictionary<string, object?>> Records, Dictionary<int, CsvProblem> Problems) ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<(List<string> Cells, bool OpenQuote)>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        var cellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            if (c == '"' && cellStart)
            {
                quoted = true;
                cellStart = false;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                cellStart = true;
            }
            else if (c == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                rows.Add((cells, false));
                (cells, cellStart) = ([], true);
                cell.Clear();
            }
            else
            {
                cell.Append(c);
                cellStart = false;
            }
        }

        if (quoted || cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString().TrimEnd('\r'));
            rows.Add((cells, quoted));
        }

        var records = new List<IDictionary<string, object?>>();
        var problems = new Dictionary<int, CsvProblem>();
        if (rows.Count == 0)
        {
            return (records, problems);
        }

        var header = rows[0].Cells.Select(h => h.Trim()).ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        foreach (var (row, openQuote) in rows.Skip(1))
        {
            if (openQuote)
            {
                problems[records.Count] = CsvProblem.OpenQuote;
            }
            else if (row.Skip(header.Count).Any(extra => extra.Trim().Length > 0))
            {
                problems[records.Count] = CsvProblem.ExtraCells;
            }

            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var k = 0; k < header.Count; k++)
            {
                record[header[k]] = k < row.Count ? row[k] : null;
            }

            records.Add(record);
        }

        return (records, problems);
    }

    private static DateOnly? Month(object? value) => value switch
    {
        DateTime dt => new DateOnly(dt.Year, dt.Month, 1),
        double d when d > 20000 && d < 80000 => DateOnly.FromDateTime(DateTime.FromOADate(d)) is var x ? new DateOnly(x.Year, x.Month, 1) : null,
        _ => KpiFigures.ParseMonth(Convert.ToString(value, CultureInfo.InvariantCulture)) is { } p ? p.Start : null,
    };
}
