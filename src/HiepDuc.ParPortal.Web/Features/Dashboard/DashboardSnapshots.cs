using System.Collections.Concurrent;
using System.Globalization;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace HiepDuc.ParPortal.Web.Features.Dashboard;

/// <summary>
/// Keeps the computed dashboards of this server. One computation at a time, in its own scope, so that after a change
/// sixteen readers wait for one result instead of each computing it, and a reader who leaves does not cancel it for
/// the others. At province scale a computation takes seconds: readers of the page are then shown the previous
/// figures (with their time) rather than kept waiting.
/// </summary>
public sealed class DashboardSnapshots(IServiceScopeFactory scopes, IMemoryCache cache, DataVersion version, TimeProvider clock, ILogger<DashboardSnapshots> logger) : IDisposable
{
    /// <summary>How long a page reader waits for fresh figures before being shown the previous ones.</summary>
    public static readonly TimeSpan FreshWithin = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Lazy<Task<DashboardModel>>> _computing = new();
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<DashboardModel> GetAsync(DashboardFilter filter, DateOnly today, bool mayLag, CancellationToken cancellationToken)
    {
        var key = string.Join('|', "dashboard", today.DayNumber, filter.Notice, filter.Kind, filter.From?.DayNumber, filter.To?.DayNumber, CultureInfo.CurrentUICulture.Name);
        cache.TryGetValue(key, out Snapshot? snapshot);
        var unchangedHere = snapshot is not null && snapshot.Version == version.Current;
        if (unchangedHere && clock.GetUtcNow() - snapshot!.Model.ComputedAt < DashboardQueries.CacheFor)
        {
            return snapshot.Model;
        }

        // A computation that began before this server's latest change is not joined: it would miss the change.
        var current = version.Current;
        // Started on the thread pool: SQLite runs "async" queries synchronously, so a computation started on the reader's
        // thread would hold that reader for its whole length before the previous figures could be returned.
        var computing = _computing.GetOrAdd($"{key}|{current}", run => new Lazy<Task<DashboardModel>>(() => Task.Run(() => ComputeAsync(key, run, current, filter, today)))).Value;
        if (mayLag && unchangedHere)
        {
            return snapshot!.Model; // only old: refreshed behind the reader, in case another server changed the data
        }

        if (mayLag && snapshot is not null && await Task.WhenAny(computing, Task.Delay(FreshWithin, cancellationToken)) != computing)
        {
            return snapshot.Model;
        }

        return await computing.WaitAsync(cancellationToken);
    }

    private async Task<DashboardModel> ComputeAsync(string key, string run, long version1, DashboardFilter filter, DateOnly today)
    {
        await _one.WaitAsync();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var model = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(filter, today, CancellationToken.None);
            // Kept an hour: a stale snapshot is still worth showing while the next one is computed. A later one wins.
            if (!cache.TryGetValue(key, out Snapshot? newer) || newer is null || newer.Version <= version1)
            {
                cache.Set(key, new Snapshot(version1, model), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
            }
            return model;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Dashboard computation failed");
            throw;
        }
        finally
        {
            _computing.TryRemove(run, out _);
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    private sealed record Snapshot(long Version, DashboardModel Model);
}
