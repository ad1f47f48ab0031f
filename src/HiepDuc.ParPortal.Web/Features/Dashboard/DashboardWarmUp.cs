using System.Globalization;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

/// <summary>
/// Computes the chairman's default dashboard (Vietnamese, all notices) once the portal has started, in the background,
/// so that the first reader of the day does not wait for it: over a million assignments it takes seconds.
/// Off with <c>Dashboard:WarmUp=false</c>.
/// </summary>
public sealed class DashboardWarmUp(DashboardSnapshots snapshots, TimeProvider clock, IConfiguration configuration, ILogger<DashboardWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Dashboard:WarmUp", true))
        {
            return;
        }

        await Task.Yield();
        var vietnamese = Infrastructure.WebSetup.Cultures[0];
        CultureInfo.CurrentCulture = vietnamese;
        CultureInfo.CurrentUICulture = vietnamese;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await snapshots.GetAsync(new DashboardFilter(), Domain.Common.PortalCalendar.Today(clock), mayLag: false, stoppingToken);
            logger.LogInformation("Dashboard computed at start-up in {Elapsed} ms", watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The dashboard could not be computed at start-up; the first reader will compute it");
        }
    }
}
