using Microsoft.AspNetCore.Authorization;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>Named capabilities. Controllers declare them with [Authorize(Policy = …)]; nothing checks roles by hand.</summary>
public static class Policies
{
    /// <summary>Users, units, settings, the audit trail.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>The district office's data entry and review.</summary>
    public const string OfficeWork = nameof(OfficeWork);

    /// <summary>Everything, read-only: the office, the chairman, administrators.</summary>
    public const string ReadAll = nameof(ReadAll);

    /// <summary>A unit head's own workspace.</summary>
    public const string UnitWork = nameof(UnitWork);

    /// <summary>KPI figures, catalogue and imports: the office and administrators.</summary>
    public const string KpiWrite = nameof(KpiWrite);

    /// <summary>The queue of submitted work and extension requests: the office, and the chairman for extensions.</summary>
    public const string ReviewQueue = nameof(ReviewQueue);

    /// <summary>The chairman's dashboard (also the office and administrators).</summary>
    public const string Dashboard = nameof(Dashboard);

    /// <summary>Reorganisations of the unit registry (mergers, renames, dissolutions): the office and administrators.</summary>
    public const string Reorganise = nameof(Reorganise);

    /// <summary>The chairman's directions on a directive or an assignment ("Ý kiến chỉ đạo").</summary>
    public const string Direct = nameof(Direct);

    /// <summary>Named groups of units used when assigning ("Nhóm đơn vị"): the office and administrators.</summary>
    public const string UnitGroups = nameof(UnitGroups);

    public static void Add(AuthorizationOptions options)
    {
        // Everything needs a signed-in user unless it says [AllowAnonymous] (sign-in, access denied, health, static files).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(OfficeWork, p => p.RequireRole(Roles.DistrictOffice));
        options.AddPolicy(ReadAll, p => p.RequireRole(Roles.DistrictOffice, Roles.Chairman, Roles.Administrator));
        options.AddPolicy(UnitWork, p => p.RequireRole(Roles.UnitHead));
        options.AddPolicy(KpiWrite, p => p.RequireRole(Roles.DistrictOffice, Roles.Administrator));
        options.AddPolicy(ReviewQueue, p => p.RequireRole(Roles.DistrictOffice, Roles.Chairman));
        options.AddPolicy(Dashboard, p => p.RequireRole(Roles.Chairman, Roles.DistrictOffice, Roles.Administrator));
        options.AddPolicy(Direct, p => p.RequireRole(Roles.Chairman));
        options.AddPolicy(UnitGroups, p => p.RequireRole(Roles.DistrictOffice, Roles.Administrator));
        options.AddPolicy(Reorganise, p => p.RequireRole(Roles.DistrictOffice, Roles.Administrator));
    }
}
