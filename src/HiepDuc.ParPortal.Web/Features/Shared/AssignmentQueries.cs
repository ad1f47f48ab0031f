using HiepDuc.ParPortal.Domain.Assignments;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Shared;

public static class AssignmentQueries
{
    /// <summary>Projects assignments to <see cref="AssignmentFacts"/> in one SQL query.</summary>
    public static IQueryable<AssignmentFacts> SelectFacts(this IQueryable<Assignment> assignments) =>
        assignments.AsNoTracking().Select(a => new AssignmentFacts(
            a.Id, a.DirectiveId, a.UnitId, a.Unit.ShortName ?? a.Unit.Name, a.Role, a.Status, a.Progress,
            a.LastDayInForce, a.SubmittedAt, a.AcceptedSubmissionOn, a.LastReportAt));
}
