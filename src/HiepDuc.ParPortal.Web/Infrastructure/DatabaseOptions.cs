namespace HiepDuc.ParPortal.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>"Sqlite" (default, embedded file) or "SqlServer".</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Apply pending migrations at start-up. Turn off where a DBA applies the scripts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the notice of 31/08/2023 (idempotent).</summary>
    public bool SeedOnStartup { get; set; } = true;
}
