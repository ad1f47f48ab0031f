using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The derived tables are written after the records, in the same transaction, and the records' changes are accepted
/// only once it has committed: a save that fails on the way leaves them to be saved again, once.
/// </summary>
public class The_save_accepts_its_changes_only_after_the_commit(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_derived_table_that_cannot_be_written_saves_nothing_and_the_retry_saves_the_report_once()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        var assignment = await db.Assignments.OrderBy(a => a.Id).FirstAsync();
        var reportsBefore = await db.Set<ProgressReport>().CountAsync(r => r.AssignmentId == assignment.Id);
        assignment.Report(new Actor("head", "Chủ tịch UBND xã"), "Đã triển khai, lần thử lại", 20, factory.Clock.GetUtcNow());

        await FailUnitCountersAsync(db, true);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }
        finally
        {
            await FailUnitCountersAsync(db, false);
        }

        // Nothing of the change is stored, and the context still holds it as unsaved.
        await using (var other = factory.Services.CreateAsyncScope())
        {
            var fresh = other.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            Assert.Equal(reportsBefore, await fresh.Set<ProgressReport>().CountAsync(r => r.AssignmentId == assignment.Id));
        }

        Assert.Equal(EntityState.Modified, db.Entry(assignment).State);

        await db.SaveChangesAsync();
        Assert.Equal(EntityState.Unchanged, db.Entry(assignment).State);
        await using var check = factory.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<ParPortalDbContext>();
        Assert.Equal(reportsBefore + 1, await after.Set<ProgressReport>().CountAsync(r => r.AssignmentId == assignment.Id));
        Assert.Equal(0, await Web.Infrastructure.PortalCommands.RunAsync(factory.Services, ["rebuild-read-model"], new StringWriter()));
    }

    [Fact]
    public void The_derived_tables_are_kept_in_the_order_the_architecture_gives()
    {
        Assert.Equal(["KpiDistrictTotals", "DirectiveRollupColumns", "UnitCounters"], Data.ReadModel.Projections.All.Select(p => p.GetType().Name));
    }

    private static Task<int> FailUnitCountersAsync(ParPortalDbContext db, bool fail) => db.Database.IsSqlServer()
        ? db.Database.ExecuteSqlRawAsync(fail
            ? "CREATE TRIGGER FailUnitTallies ON UnitTallies INSTEAD OF INSERT, UPDATE AS THROW 50000, 'derived write refused', 1;"
            : "DROP TRIGGER FailUnitTallies;")
        : db.Database.ExecuteSqlRawAsync(fail
            ? "CREATE TRIGGER FailUnitTalliesInsert BEFORE INSERT ON UnitTallies BEGIN SELECT RAISE(ABORT, 'derived write refused'); END; CREATE TRIGGER FailUnitTalliesUpdate BEFORE UPDATE ON UnitTallies BEGIN SELECT RAISE(ABORT, 'derived write refused'); END;"
            : "DROP TRIGGER FailUnitTalliesInsert; DROP TRIGGER FailUnitTalliesUpdate;");
}
