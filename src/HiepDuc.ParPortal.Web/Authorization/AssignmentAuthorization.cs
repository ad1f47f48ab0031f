using HiepDuc.ParPortal.Domain.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>What can be done to one unit's assignment (and the reports and files that belong to it).</summary>
public static class AssignmentOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Report progress, report completion, ask for an extension: the unit itself.</summary>
    public static readonly OperationAuthorizationRequirement Report = new() { Name = nameof(Report) };

    /// <summary>Confirm, return, cancel, record a paper report, urge: the district office.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };

    /// <summary>Decide an extension: the office or the chairman.</summary>
    public static readonly OperationAuthorizationRequirement DecideExtension = new() { Name = nameof(DecideExtension) };

    /// <summary>Add a direction (ý kiến chỉ đạo): the chairman.</summary>
    public static readonly OperationAuthorizationRequirement Direct = new() { Name = nameof(Direct) };
}

/// <summary>The facts the rules need about an assignment: which unit it belongs to.</summary>
public sealed record AssignmentResource(int AssignmentId, int UnitId)
{
    public static AssignmentResource Of(Assignment assignment) => new(assignment.Id, assignment.UnitId);
}

/// <summary>A unit head acts on their own unit's assignments only; the office and the chairman as their roles allow.</summary>
public sealed class AssignmentAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AssignmentResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AssignmentResource resource)
    {
        var user = context.User;
        var ownUnit = user.IsInRole(Roles.UnitHead) && user.GetUnitId() == resource.UnitId;
        var allowed = requirement.Name switch
        {
            nameof(AssignmentOperations.Read) => ownUnit || user.SeesAllUnits(),
            nameof(AssignmentOperations.Report) => ownUnit,
            nameof(AssignmentOperations.Review) => user.IsInRole(Roles.DistrictOffice),
            nameof(AssignmentOperations.DecideExtension) => user.IsInRole(Roles.DistrictOffice) || user.IsInRole(Roles.Chairman),
            nameof(AssignmentOperations.Direct) => user.IsInRole(Roles.Chairman),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The units a directive is assigned to: a unit head may read it only when their unit is one of them.</summary>
public sealed record DirectiveResource(int DirectiveId, IReadOnlyCollection<int> AssignedUnitIds);

public sealed class DirectiveAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, DirectiveResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, DirectiveResource resource)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(AssignmentOperations.Read) => user.SeesAllUnits()
                || (user.IsInRole(Roles.UnitHead) && user.GetUnitId() is { } unit && resource.AssignedUnitIds.Contains(unit)),
            nameof(AssignmentOperations.Direct) => user.IsInRole(Roles.Chairman),
            nameof(AssignmentOperations.Review) => user.IsInRole(Roles.DistrictOffice),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
