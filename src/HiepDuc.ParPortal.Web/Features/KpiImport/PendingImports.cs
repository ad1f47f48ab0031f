using System.Security.Cryptography;
using System.Text.Json;
using HiepDuc.ParPortal.Web.Features.Files;
using HiepDuc.ParPortal.Web.Features.Kpis;
using Microsoft.AspNetCore.DataProtection;

namespace HiepDuc.ParPortal.Web.Features.KpiImport;

/// <summary>
/// The checked rows of a previewed KPI import, kept on the server until the office confirms them: the confirm form
/// carries only their id, so an import of tens of thousands of rows is confirmed as easily as one of ten. They are
/// kept protected (Data Protection) beside the uploaded files (shared by every node), for the user who previewed them
/// only, for <see cref="KeptFor"/>; a confirmed import's rows are removed, older ones on the next preview.
/// </summary>
public sealed class PendingImports(FileStore files, IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    private sealed record Pending(string? UserId, DateTimeOffset At, List<ImportRow> Rows);

    private IDataProtector Protector => protection.CreateProtector("HiepDuc.ParPortal.KpiImport.Pending");

    private string Folder => Path.Combine(files.RootPath, "pending-imports");

    public async Task<string> KeepAsync(string? userId, List<ImportRow> rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in Directory.EnumerateFiles(Folder, "*.json").Where(f => clock.GetUtcNow() - File.GetLastWriteTimeUtc(f) > KeptFor))
        {
            File.Delete(old);
        }

        var id = Guid.NewGuid().ToString("N");
        var json = JsonSerializer.Serialize(new Pending(userId, clock.GetUtcNow(), rows));
        await File.WriteAllTextAsync(PathOf(id), Protector.Protect(json), cancellationToken);
        return id;
    }

    /// <summary>The rows kept under <paramref name="id"/> for this user, or null when they are not (any more), or not theirs.</summary>
    public async Task<List<ImportRow>?> FindAsync(string? id, string? userId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "N", out _) || !File.Exists(PathOf(id!)))
        {
            return null;
        }

        try
        {
            var pending = JsonSerializer.Deserialize<Pending>(Protector.Unprotect(await File.ReadAllTextAsync(PathOf(id!), cancellationToken)));
            return pending is not null && pending.UserId == userId && clock.GetUtcNow() - pending.At <= KeptFor ? pending.Rows : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }
    }

    public void Remove(string id)
    {
        if (Guid.TryParseExact(id, "N", out _))
        {
            File.Delete(PathOf(id));
        }
    }

    private string PathOf(string id) => Path.Combine(Folder, id + ".json");
}
