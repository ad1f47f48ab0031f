using HiepDuc.ParPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

/// <summary>
/// Runs the reminders once a day at the configured local hour, and sends queued e-mail every minute. With several app
/// nodes on one database, only the node holding the "reminders" lease does so; if it stops, the lease expires after
/// <see cref="LeaseTime"/> and another node carries on (a day's reminders are recorded once whoever sends them).
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptionsMonitor<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger) : BackgroundService
{
    public const string LeaseName = "reminders";

    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(3);

    private DateOnly _lastRun;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried on the next tick; the portal keeps serving.
                logger.LogError(ex, "Reminder run failed");
            }

            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var local = PortalCalendar.LocalTime(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(local.DateTime);
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<Data.Leases>().TryAcquireAsync(LeaseName, LeaseTime, cancellationToken: cancellationToken))
        {
            return;
        }

        if (local.Hour >= options.CurrentValue.DailyHour && _lastRun != today)
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(today, cancellationToken);
            _lastRun = today;
        }

        await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(cancellationToken);
    }
}
