using HiepDuc.ParPortal.Web.Features.Assignments;
using HiepDuc.ParPortal.Web.Features.Dashboard;
using HiepDuc.ParPortal.Web.Features.Directives;
using HiepDuc.ParPortal.Web.Features.MyUnit;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>
/// The addresses a notification links to, written outside a request (the save pipeline, the reminder job): each comes
/// from its action's route, as the pages' links do.
/// </summary>
public sealed class PortalLinks(LinkGenerator links)
{
    public string Assignment(int id) => Path(nameof(AssignmentsController.Details), "Assignments", new { id });

    public string Directive(int id) => Path(nameof(DirectivesController.Details), "Directives", new { id });

    public string MyUnit() => Path(nameof(MyUnitController.Index), "MyUnit", null);

    public string Dashboard() => Path(nameof(DashboardController.Index), "Dashboard", null);

    private string Path(string action, string controller, object? values) =>
        links.GetPathByAction(action, controller, values)
        ?? throw new InvalidOperationException($"No route for {controller}.{action}: the portal's endpoints are not mapped.");
}
