using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.NoticeImport;

/// <summary>
/// Saves a checked import in one transaction: the new units the office ticked, the notice, its directives with their
/// cited documents and assignments, and the figure targets. Either all of it is saved or nothing (a
/// <see cref="DomainException"/> rolls everything back). The form was validated by the caller.
/// </summary>
public sealed class NoticeImporter(ParPortalDbContext db, TimeProvider clock)
{
    /// <summary>Saves the included tasks with the deadlines read from the form (by task index); returns the new notice's id.</summary>
    public async Task<int> SaveAsync(ImportForm form, IReadOnlyDictionary<int, Deadline> deadlines, Actor by, CancellationToken cancellationToken)
    {
        var included = form.Tasks.Select((t, i) => (Task: t, Index: i)).Where(x => x.Task.Include).ToList();
        var unitIds = included.SelectMany(x => x.Task.Units).Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct().ToList();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var carried = new List<Assignment>();
            var units = await db.Units.Where(u => unitIds.Contains(u.Id) && (u.IsActive || u.SucceededById != null)).ToDictionaryAsync(u => u.Id, cancellationToken);
            if (units.Count != unitIds.Count)
            {
                throw new DomainException("import.unit");
            }

            // Names the office chose to add to the registry become units first.
            var created = new Dictionary<string, Unit>(StringComparer.Ordinal);
            foreach (var name in included.SelectMany(x => x.Task.Units).Where(u => u.ToCreate).Select(u => u.Text!.Trim()).Distinct())
            {
                var unit = new Unit(await NewCodeAsync(name, cancellationToken), name, UnitKind.OtherBody);
                db.Units.Add(unit);
                created[name] = unit;
            }

            await db.SaveChangesAsync(cancellationToken);
            var notice = new ConclusionNotice(form.IssuingBody, form.Title, form.MeetingDate!.Value, form.FullText);
            notice.Describe(form.Number, form.IssueDate, null, form.Session, form.ChairedBy, form.SignedBy);
            db.Notices.Add(notice);
            foreach (var (task, i) in included)
            {
                var directive = notice.AddDirective(task.Label.Trim(), task.Title, task.FullText, deadlines[i], form.MonitoringUnitId, by, now);
                foreach (var line in (task.References ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    directive.Cite(DocumentReference.Parse(line));
                }

                var chosen = task.Units
                    .Select(u => (Unit: u.UnitId is { } id ? units[id] : u.Create && u.Text is { } t ? created.GetValueOrDefault(t.Trim()) : null, u.Role))
                    .Where(u => u.Unit is not null)
                    .GroupBy(u => u.Unit!)
                    .Select(g => (Unit: g.Key, Role: g.Min(x => x.Role)));
                foreach (var (unit, role) in chosen)
                {
                    var assignment = directive.Assign(unit, role, now, by, givenOn: form.GivenOn);
                    if (unit.IsFormer)
                    {
                        // A notice of the time before a reorganisation: the work is the former unit's, its open part is
                        // carried at once to the unit that stands for it now.
                        carried.Add(assignment);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (carried.Count > 0)
            {
                var lineage = await db.LineageAsync(cancellationToken);
                var open = carried.Where(a => a.Status is not (AssignmentStatus.Completed or AssignmentStatus.Cancelled)).ToList();
                var successorIds = open.Select(a => lineage.CurrentOf(a.UnitId)).Distinct().ToList();
                var successors = await db.Units.Where(u => successorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
                foreach (var assignment in open)
                {
                    var successor = successors[lineage.CurrentOf(assignment.UnitId)];
                    assignment.TransferTo(successor, $"Thông báo trước ngày sắp xếp đơn vị; {assignment.Unit.Name} nay là {successor.Name}", by, now);
                }

                // The successor reports once on each directive: its shares of one become one.
                Assignment.MergeShares(open, kept => $"Thông báo trước ngày sắp xếp đơn vị: gộp vào một phân công của {successors[kept.UnitId].Name}", by, now);

                await db.SaveChangesAsync(cancellationToken);
            }

            // Figure targets become the directive's data targets, for the deadline's month (the lead unit's, else the district's).
            var kpiIds = await db.KpiDefinitions.ToDictionaryAsync(k => k.Code, k => k.Id, cancellationToken);
            foreach (var (task, i) in included)
            {
                var directive = notice.Directives.Single(d => string.Equals(d.Label, task.Label.Trim(), StringComparison.OrdinalIgnoreCase));
                var leads = directive.Assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.UnitId).ToList();
                if (deadlines[i] is not { Kind: DeadlineKind.Month, LastDay: { } last })
                {
                    continue;
                }

                foreach (var target in task.Targets.Where(x => x.Keep && x.KpiCode is not null && kpiIds.ContainsKey(x.KpiCode) && x.Kind != KpiTargetKind.None))
                {
                    db.DirectiveTargets.Add(new DirectiveTarget(directive.Id, kpiIds[target.KpiCode!], leads.Count == 1 ? leads[0] : null, KpiPeriod.Month(last.Year, last.Month),
                        target.Kind, target.Value, target.Kind == KpiTargetKind.AtLeastReference ? KpiReference.ProvinceAverage : null));
                }
            }

            // The figures the notice states become its reference figures: the district's, as rates with unknown parts.
            var kpis = await db.KpiDefinitions.ToDictionaryAsync(k => k.Code, cancellationToken);
            foreach (var x in form.Figures.Where(x => x.Keep && x.KpiCode is not null && x.From is not null && x.To is not null))
            {
                db.KpiMeasurements.Add(KpiMeasurement.RateOnly(kpis[x.KpiCode!], null, new KpiPeriod(x.From!.Value, x.To!.Value), x.Value, RateQualifier.Exact,
                    MeasurementSource.Notice, by, now, x.Text).ReportedIn(notice.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return notice.Id;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<string> NewCodeAsync(string name, CancellationToken cancellationToken)
    {
        var letters = new string(VietnameseText.Fold(name).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        var code = letters.Length == 0 ? "DONVI" : letters[..Math.Min(24, letters.Length)];
        var candidate = code;
        for (var n = 2; await db.Units.AnyAsync(u => u.Code == candidate, cancellationToken); n++)
        {
            candidate = $"{code}{n}";
        }

        return candidate;
    }
}
