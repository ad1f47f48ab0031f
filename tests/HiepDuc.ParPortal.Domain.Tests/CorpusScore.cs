using System.Globalization;
using System.Text;
using System.Text.Json;
using HiepDuc.ParPortal.Domain.Parsing;
using Xunit.Abstractions;
using static HiepDuc.ParPortal.Domain.Tests.Notices_are_read_as_officials_write_them;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>
/// Per-field precision and recall of the reading over the whole corpus (docs/import.md shows the table). A field is
/// one value a reader checks: a header value, a task found by its label, a task's deadline, each unit with its role,
/// each cited document, each target, each figure of a results section, each unit the registry does not know. A wrong
/// value counts against both figures; "right" is the share of fields read exactly, of all fields either side expects.
/// </summary>
public class The_corpus_is_read_with_measured_precision_and_recall(ITestOutputHelper output)
{
    private sealed class Tally
    {
        public int Right { get; set; }

        public int Wrong { get; set; }

        public int Missed { get; set; }

        public double Precision => Right + Wrong == 0 ? 1 : (double)Right / (Right + Wrong);

        public double Recall => Right + Missed == 0 ? 1 : (double)Right / (Right + Missed);

        /// <summary>Fields read exactly right, of every field expected or read.</summary>
        public double Exact => Right + Wrong + Missed == 0 ? 1 : (double)Right / (Right + Wrong + Missed);

        public void Add(Tally t)
        {
            Right += t.Right;
            Wrong += t.Wrong;
            Missed += t.Missed;
        }
    }

    private static readonly string[] FieldNames = ["header", "task", "deadline", "unit", "reference", "target", "figure", "new unit"];

    private static Dictionary<string, Tally> Score(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Notices");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".expected.json")));
        var e = expected.RootElement;
        var p = NoticeParser.Parse(Source(name), Registry.Units, Registry.Kpis);
        var t = FieldNames.ToDictionary(f => f, _ => new Tally());

        void Scalar(string field, string? want, string? got, bool expectedHere = true)
        {
            if (!expectedHere)
            {
                return;
            }

            if (want is not null && want == got)
            {
                t[field].Right++;
            }
            else
            {
                if (want is not null)
                {
                    t[field].Missed++;
                }

                if (got is not null)
                {
                    t[field].Wrong++;
                }
            }
        }

        void Set(string field, IEnumerable<string> want, IEnumerable<string> got)
        {
            var left = want.ToList();
            foreach (var g in got)
            {
                if (left.Remove(g))
                {
                    t[field].Right++;
                }
                else
                {
                    t[field].Wrong++;
                }
            }

            t[field].Missed += left.Count;
        }

        string? Want(string property) => e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Scalar("header", Want("number"), p.Number.Value, e.TryGetProperty("number", out _));
        Scalar("header", Want("issueDate"), Day(p.IssueDate.Value), e.TryGetProperty("issueDate", out _));
        Scalar("header", Want("meetingDate"), Day(p.MeetingDate.Value), e.TryGetProperty("meetingDate", out _));
        Scalar("header", Want("issuingBody"), p.IssuingBody.Value, e.TryGetProperty("issuingBody", out _));
        Scalar("header", Want("monitor"), p.MonitoringUnitId.Value is { } m ? Registry.Code(m) : null, e.TryGetProperty("monitor", out _));
        Scalar("header", Want("chair"), p.ChairedBy.Value, e.TryGetProperty("chair", out _));

        var got = p.Tasks.ToDictionary(x => x.Label);
        foreach (var want in e.GetProperty("tasks").EnumerateArray())
        {
            var label = want.GetProperty("label").GetString()!;
            var units = ExpectedUnits(want);
            var refs = want.GetProperty("references").EnumerateArray().Select(x => x.GetString()!).ToList();
            var targets = want.GetProperty("targets").EnumerateArray().Select(x => x.GetString()!).ToList();
            if (!got.Remove(label, out var g))
            {
                t["task"].Missed++;
                t["deadline"].Missed++;
                t["unit"].Missed += units.Count;
                t["reference"].Missed += refs.Count;
                t["target"].Missed += targets.Count;
                continue;
            }

            t["task"].Right++;
            Scalar("deadline", want.GetProperty("deadline").GetString(), Deadline(g.Deadline.Value));
            Set("unit", units, g.Units.Select(u => $"{(u.UnitId is { } id ? Registry.Code(id) : u.Text)}:{u.Role}"));
            Set("reference", refs, g.References.Select(r => r.Reference.Number ?? r.Reference.Text));
            Set("target", targets, g.Targets.Select(x => $"{x.KpiCode}:{x.Kind}:{x.Value?.ToString("0.##", CultureInfo.InvariantCulture)}"));
        }

        // A task read where the notice gives none: every field of it is wrong.
        foreach (var extra in got.Values)
        {
            t["task"].Wrong++;
            t["deadline"].Wrong++;
            t["unit"].Wrong += extra.Units.Count;
            t["reference"].Wrong += extra.References.Count;
            t["target"].Wrong += extra.Targets.Count;
        }

        Set("figure", e.GetProperty("figures").EnumerateArray().Select(x => x.GetString()!), p.Figures.Select(f => f.Value.ToString("0.##", CultureInfo.InvariantCulture) + (f.KpiCode is null ? string.Empty : ":" + f.KpiCode)));
        Set("new unit", e.GetProperty("unknown").EnumerateArray().Select(x => x.GetString()!), p.UnknownUnits.Select(u => u.Value));
        return t;
    }

    private static bool IsTable(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Notices", name + ".expected.json")));
        return expected.RootElement.TryGetProperty("table", out var v) && v.GetBoolean();
    }

    [Fact]
    public void Fields_are_read_right_over_the_corpus_and_its_table_notices()
    {
        var names = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Notices"), "*.expected.json").Select(f => Path.GetFileName(f).Replace(".expected.json", string.Empty, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var byField = FieldNames.ToDictionary(f => f, _ => new Tally());
        Tally all = new(), tables = new();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"| notice | fields right | precision | recall |").AppendLine("|---|---|---|---|");
        foreach (var name in names)
        {
            var score = Score(name);
            var notice = new Tally();
            foreach (var (field, tally) in score)
            {
                byField[field].Add(tally);
                notice.Add(tally);
            }

            all.Add(notice);
            if (IsTable(name))
            {
                tables.Add(notice);
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {notice.Right}/{notice.Right + notice.Wrong + notice.Missed} ({notice.Exact:P1}) | {notice.Precision:P1} | {notice.Recall:P1} |");
        }

        report.AppendLine().AppendLine("| field | right | wrong | missed | precision | recall |").AppendLine("|---|---|---|---|---|---|");
        foreach (var (field, t) in byField.Append(new("all fields", all)).Append(new("table notices", tables)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {field} | {t.Right} | {t.Wrong} | {t.Missed} | {t.Precision:P1} | {t.Recall:P1} |");
        }

        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-score.md"), report.ToString());
        Assert.True(all.Exact >= 0.95, $"{all.Exact:P1} of the fields read right over the corpus\n{report}");
        Assert.True(tables.Exact >= 0.90, $"{tables.Exact:P1} of the fields read right on the table notices\n{report}");
    }
}
