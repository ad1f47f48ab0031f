using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Files;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Features.Files;

/// <summary>
/// The files one request writes to the store. When the request ends, a file it wrote that no record refers to — its
/// save failed, was refused as stale, or never came — is deleted, so evidence of a refused report does not pile up on
/// disk. A file whose bytes were already stored is never touched (another record holds it).
/// </summary>
public sealed class Uploads(FileStore store, IServiceScopeFactory scopes, ILogger<Uploads> log) : IAsyncDisposable
{
    private readonly List<string> _written = [];

    /// <summary>Writes a checked file under its hash and returns the record to attach and save.</summary>
    public async Task<StoredFile> SaveAsync(IFormFile file, Actor by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var (stored, created) = await store.WriteAsync(file, by, at, cancellationToken);
        if (created)
        {
            _written.Add(stored.StoredName);
        }

        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        if (_written.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var kept = await db.Files.AsNoTracking().Where(f => _written.Contains(f.StoredName)).Select(f => f.StoredName).ToListAsync();
        foreach (var name in _written.Except(kept))
        {
            try
            {
                File.Delete(store.PathOf(name));
                log.LogInformation("Removed the unsaved upload {StoredName}", name);
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not remove the unsaved upload {StoredName}", name);
            }
        }
    }
}
