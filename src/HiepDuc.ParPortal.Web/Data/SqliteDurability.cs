using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>
/// Every SQLite connection commits durably: the file is in WAL mode (set at start-up, it persists), and each connection
/// runs with <c>synchronous = FULL</c>, so the WAL is flushed to disk before a commit returns. A report the portal has
/// acknowledged therefore survives a killed process and a power cut (with NORMAL it would survive only the former:
/// the last commits could be lost when the power goes, which in a commune office it does). Writers wait up to
/// 5 s for one another instead of failing at once.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
