using HiepDuc.ParPortal.Domain.Parsing;

namespace HiepDuc.ParPortal.Domain.Tests;

public class ParserProbe
{
    [Fact]
    public void Probe()
    {
        var p = NoticeParser.Parse(Registry.Fixture("hiep-duc-2023-08-31.md"), Registry.Units, Registry.Kpis);
        var lines = new List<string>
        {
            $"number={p.Number.Value} date={p.IssueDate.Value} title={p.Title.Value} meeting={p.MeetingDate.Value} session={p.Session.Value} chair={p.ChairedBy.Value} signed={p.SignedBy.Value} monitor={p.MonitoringUnitId.Value} body={p.IssuingBody.Value}",
        };
        foreach (var t in p.Tasks)
        {
            lines.Add($"{t.Label} | {t.Deadline.Value.Kind} {t.Deadline.Value.LastDay} urgent={t.Deadline.Value.IsUrgent} | {string.Join(",", t.Units.Select(u => $"{(u.UnitId is { } id ? Registry.Code(id) : u.Text)}:{u.Role}"))} | refs={string.Join(";", t.References.Select(r => r.Reference.Number))} | targets={string.Join(";", t.Targets.Select(x => $"{x.KpiCode}:{x.Kind}:{x.Value}"))} | {t.Title.Value}");
        }

        lines.Add("figures: " + string.Join(" ; ", p.Figures.Select(f => $"{f.Value}:{f.KpiCode}")));
        lines.Add("unknown: " + string.Join(" ; ", p.UnknownUnits.Select(u => u.Value)));
        File.WriteAllLines("/tmp/probe.txt", lines);
    }
}
