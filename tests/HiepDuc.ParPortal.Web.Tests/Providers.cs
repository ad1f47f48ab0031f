using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Directives;
using HiepDuc.ParPortal.Web.Features.Shared;
using HiepDuc.ParPortal.Web.Features.Work;
using HiepDuc.ParPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// SQL Server cannot run here, so its migrations are proven without a server: the model matches them,
/// and their idempotent script is valid T-SQL. SQLite's are proven by building a database from nothing.
/// </summary>
public sealed class Both_database_providers_have_complete_migrations : IDisposable
{
    private const string DummySqlServer = "Server=localhost;Database=ParPortal;Trusted_Connection=True;TrustServerCertificate=True";
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"parportal-migrate-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData(DatabaseOptions.Sqlite)]
    [InlineData(DatabaseOptions.SqlServer)]
    public void The_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using var scope = Services(provider).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run 'dotnet ef migrations add' for this provider.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_SQL_Server_idempotent_script_parses_as_T_SQL_without_errors()
    {
        using var scope = Services(DatabaseOptions.SqlServer).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.IsType<SqlServerParPortalDbContext>(db);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        var tables = fragment.ScriptTokenStream
            .Select((t, i) => (t, i))
            .Where(x => x.t.TokenType == TSqlTokenType.Create)
            .Select(x => fragment.ScriptTokenStream.Skip(x.i + 1).First(t => t.TokenType != TSqlTokenType.WhiteSpace))
            .Count(t => t.TokenType == TSqlTokenType.Table);
        Assert.True(tables >= 15, $"expected the portal's tables in the script, found {tables} CREATE TABLE");
        Assert.Contains("[Assignments]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        // The covering index the model cannot declare (over a complex property's columns) is written in the migration.
        Assert.Contains("[IX_KpiMeasurements_KpiId_Period]", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// The portal's queries that carry its own rules (timing, buckets, roll-ups, counters, keyset cursors, search),
    /// translated by the SQL Server provider and parsed as T-SQL: a rule EF cannot translate for SQL Server, or
    /// translates to invalid T-SQL, fails here rather than on the first production request.
    /// </summary>
    [Fact]
    public void The_portal_s_rule_bearing_queries_translate_to_valid_T_SQL()
    {
        using var scope = Services(DatabaseOptions.SqlServer).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.IsType<SqlServerParPortalDbContext>(db);
        var today = new DateOnly(2023, 10, 5);
        var day = new Domain.Assignments.SignalDay(today);
        var stateOn = Data.ReadModel.UnitTally.StateOn.With(day);
        var bucketOn = Data.ReadModel.UnitTally.BucketOn.With(day);
        var key = new Data.ReadModel.TallyKey { UnitId = 3, Status = Domain.Assignments.AssignmentStatus.InProgress, LastDayInForce = today };
        var queries = new Dictionary<string, IQueryable>
        {
            ["assignment state, bucket and facts"] = db.Assignments.SelectFacts(day),
            ["unit workspace ranking"] = db.Assignments.OrderBy(Domain.Common.Rules.Expand<Func<Domain.Assignments.Assignment, int>>(a =>
                Domain.Assignments.AssignmentRules.UrgencyRank.Invoke(Domain.Assignments.AssignmentRules.State.Invoke(a, day)))).Select(a => a.Id),
            ["silent work"] = db.Assignments.Where(Domain.Assignments.AssignmentRules.Silent.With(day)).Select(a => a.Id),
            ["directive roll-up counting"] = db.Assignments
                .SelectExpanded(a => new { a.DirectiveId, a.Role, a.Status, a.Progress, State = Domain.Assignments.AssignmentRules.State.Invoke(a, day) })
                .GroupBy(r => r.DirectiveId, r => new Domain.Notices.AssignmentSnapshot { Role = r.Role, Status = r.Status, Progress = r.Progress, State = r.State })
                .SelectExpanded(g => new { g.Key, Counts = Domain.Notices.RollupCounts.Counting.Invoke(g) }),
            ["directives by stored state"] = db.Directives.GroupBy(Domain.Notices.DirectiveRollup.StoredStateOn.With(today)).Select(g => new { g.Key, Count = g.Count() }),
            ["directive roll-up drift"] = Data.ReadModel.DirectiveRollups.Drifted(db.Directives).Select(d => d.Id),
            ["unit counters counted"] = Data.ReadModel.UnitTally.Counting(db.Assignments),
            ["unit counter keys"] = db.Assignments.Select(Data.ReadModel.UnitTally.KeyOf),
            ["one unit counter's group"] = Data.ReadModel.UnitTally.Counting(db.Assignments.Where(a => a.UnitId == key.UnitId && a.Status == key.Status)
                .WhereExpanded(a => Data.ReadModel.UnitTally.KeyOf.Invoke(a).Settled == key.Settled && Data.ReadModel.UnitTally.KeyOf.Invoke(a).LastDayInForce == key.LastDayInForce
                    && Data.ReadModel.UnitTally.KeyOf.Invoke(a).HeardOn == key.HeardOn && Data.ReadModel.UnitTally.KeyOf.Invoke(a).IsUrgent == key.IsUrgent)),
            ["dashboard from the counters"] = db.UnitTallies
                .SelectExpanded(t => new { t.UnitId, State = stateOn.Invoke(t), Bucket = bucketOn.Invoke(t), t.Count, t.Reported, t.LastHeardOn })
                .GroupBy(x => new { x.UnitId, x.State, x.Bucket })
                .Select(g => new { g.Key.UnitId, g.Key.State, g.Key.Bucket, Count = g.Sum(x => x.Count), Reported = g.Sum(x => x.Reported), Last = g.Max(x => x.LastHeardOn) }),
        };
        foreach (var sort in new[] { "deadline", "unit", "directive", "status" })
        {
            foreach (var desc in new[] { false, true })
            {
                var filter = new Features.Work.WorkFilter { Sort = sort, Desc = desc, Timing = Domain.Assignments.TimingState.Overdue, Q = "hiep thuan", From = today.AddDays(-30) };
                var cursor = new Features.Work.WorkCursor(7, "Hiệp Thuận", today, 2, Domain.Assignments.AssignmentStatus.InProgress, today);
                queries[$"assignment list by {sort}{(desc ? " desc" : string.Empty)}"] = db.Assignments.Apply(filter, day).After(filter, cursor).Select(a => a.Id);
            }
        }

        foreach (var sort in new string?[] { null, "deadline", "label" })
        {
            var after = new Features.Directives.DirectiveCursor(today, 4, 2, today, 9, "3.a").For(sort);
            var filter = new Features.Directives.DirectiveFilter { Sort = sort, Overdue = true, Q = "so hoa", Unit = 3, After = after };
            queries[$"directive list by {sort ?? "notice"}"] = db.Directives.Apply(filter, today).Select(d => d.Id);
        }

        var keyText = "1|NotStarted|-|20231005|00010101|-|-";
        queries["unit counter by its key"] = db.UnitTallies.Where(t => t.KeyText == keyText).Select(t => t.Id);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var problems = new List<string>();
        // The statement that serialises two saves' recount of one unit's counters (sp_getapplock), with its parameter.
        using (var lockReader = new StringReader(Data.ReadModel.CounterLocks.SqlServerLock.Replace("{0}", "@p0", StringComparison.Ordinal)))
        {
            parser.Parse(lockReader, out var lockErrors);
            problems.AddRange(lockErrors.Select(e => $"counter lock, line {e.Line}: {e.Message}"));
        }

        foreach (var (name, query) in queries)
        {
            var sql = query.ToQueryString();
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            problems.AddRange(errors.Select(e => $"{name}, line {e.Line}: {e.Message}"));
            Assert.Contains("SELECT", sql, StringComparison.Ordinal);
            Assert.Contains("].[", sql, StringComparison.Ordinal); // SQL Server's quoting, not SQLite's
        }

        Assert.True(queries.Count >= 20);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task SQLite_migrations_build_a_working_database_from_nothing()
    {
        using var scope = Services(DatabaseOptions.Sqlite).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.IsType<SqliteParPortalDbContext>(db);
        Assert.False(File.Exists(_sqliteFile));

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'index' AND name = 'IX_KpiMeasurements_KpiId_Period'").SingleAsync());
        db.Units.Add(new Domain.Units.Unit("TEST", "Đơn vị thử", Domain.Units.UnitKind.OtherBody));
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Units.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public void An_unknown_provider_stops_start_up_with_a_clear_message()
    {
        var ex = Assert.Throws<StartupException>(() => Services("Oracle"));
        Assert.Contains("'Oracle' không hợp lệ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SQL_Server_without_a_connection_string_stops_start_up_with_a_clear_message()
    {
        var ex = Assert.Throws<StartupException>(() => Services(DatabaseOptions.SqlServer, sqlServer: string.Empty));
        Assert.Contains("ConnectionStrings:SqlServer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_SQL_Server_is_reported_plainly()
    {
        var services = Services(DatabaseOptions.SqlServer, sqlServer: "Server=127.0.0.1,1;Database=ParPortal;User Id=x;Password=y;Connect Timeout=2;TrustServerCertificate=True");
        var ex = await Assert.ThrowsAsync<StartupException>(() => services.InitializeDatabaseAsync());
        Assert.Contains("SQL Server", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }
    }

    /// <summary>The portal's own container for a provider, as `dotnet ef` builds it.</summary>
    private IServiceProvider Services(string provider, string sqlServer = DummySqlServer)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:SqlServer"] = sqlServer,
            ["ConnectionStrings:Sqlite"] = $"Data Source={_sqliteFile}",
            ["PortalLogging:File"] = string.Empty,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        builder.AddParPortal();
        return builder.Build().Services;
    }
}
