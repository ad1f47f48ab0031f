using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using static HiepDuc.ParPortal.Domain.Assignments.AssignmentTransitions;
using static HiepDuc.ParPortal.Domain.Tests.TestData;

namespace HiepDuc.ParPortal.Domain.Tests;

public class The_assignment_life_cycle_follows_the_transition_table
{
    // The table of docs/domain.md, written out again here so the code's table is checked against it.
    private static readonly Dictionary<(AssignmentStatus, Trigger), AssignmentStatus> Expected = new()
    {
        [(AssignmentStatus.NotStarted, Trigger.Report)] = AssignmentStatus.InProgress,
        [(AssignmentStatus.NotStarted, Trigger.Submit)] = AssignmentStatus.Submitted,
        [(AssignmentStatus.NotStarted, Trigger.Cancel)] = AssignmentStatus.Cancelled,
        [(AssignmentStatus.InProgress, Trigger.Report)] = AssignmentStatus.InProgress,
        [(AssignmentStatus.InProgress, Trigger.Submit)] = AssignmentStatus.Submitted,
        [(AssignmentStatus.InProgress, Trigger.Cancel)] = AssignmentStatus.Cancelled,
        [(AssignmentStatus.Submitted, Trigger.Confirm)] = AssignmentStatus.Completed,
        [(AssignmentStatus.Submitted, Trigger.Return)] = AssignmentStatus.Returned,
        [(AssignmentStatus.Submitted, Trigger.Cancel)] = AssignmentStatus.Cancelled,
        [(AssignmentStatus.Returned, Trigger.Report)] = AssignmentStatus.InProgress,
        [(AssignmentStatus.Returned, Trigger.Submit)] = AssignmentStatus.Submitted,
        [(AssignmentStatus.Returned, Trigger.Cancel)] = AssignmentStatus.Cancelled,
        [(AssignmentStatus.Completed, Trigger.Reopen)] = AssignmentStatus.InProgress,
    };

    public static TheoryData<AssignmentStatus, Trigger> EveryPair()
    {
        var data = new TheoryData<AssignmentStatus, Trigger>();
        foreach (var s in Enum.GetValues<AssignmentStatus>())
        {
            foreach (var t in Enum.GetValues<Trigger>())
            {
                data.Add(s, t);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_status_and_event_is_allowed_exactly_as_the_rules_say(AssignmentStatus from, Trigger trigger)
    {
        var assignment = InState(from);
        var act = Action(trigger);
        if (Expected.TryGetValue((from, trigger), out var to))
        {
            act(assignment);
            Assert.Equal(to, assignment.Status);
        }
        else
        {
            var before = assignment.Events.Count;
            Assert.Throws<DomainException>(() => act(assignment));
            Assert.Equal(from, assignment.Status);
            Assert.Equal(before, assignment.Events.Count);
        }
    }

    [Fact]
    public void Every_event_is_one_timeline_entry_with_who_and_text()
    {
        var a = NewAssignment();
        a.Report(UnitHead, "Đã đăng ký 40/52 tài khoản", 60, At(2023, 9, 10));
        a.Submit(UnitHead, "Hoàn thành 52/52", At(2023, 9, 20));
        a.Return(Office, "Thiếu danh sách kèm theo", At(2023, 9, 21));
        a.Submit(UnitHead, "Bổ sung danh sách", At(2023, 9, 22));
        a.Confirm(Office, At(2023, 9, 25));

        Assert.Equal(
            [AssignmentEventKind.Assigned, AssignmentEventKind.Reported, AssignmentEventKind.Submitted, AssignmentEventKind.Returned, AssignmentEventKind.Submitted, AssignmentEventKind.Confirmed],
            a.Events.Select(e => e.Kind));
        Assert.Equal("Thiếu danh sách kèm theo", a.Events[3].Text);
        Assert.Equal("Văn phòng", a.Events[3].ByName);
        Assert.Equal(3, a.Reports.Count);
    }

    [Fact]
    public void Return_and_cancel_require_a_reason()
    {
        var a = NewAssignment();
        a.Submit(UnitHead, "Xong", At(2023, 9, 20));
        Assert.Throws<DomainException>(() => a.Return(Office, " ", At(2023, 9, 21)));
        Assert.Throws<DomainException>(() => a.Cancel(Office, "", At(2023, 9, 21)));
        Assert.Equal(AssignmentStatus.Submitted, a.Status);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Progress_outside_0_to_100_is_refused(int progress) =>
        Assert.Throws<DomainException>(() => NewAssignment().Report(UnitHead, "x", progress, At(2023, 9, 1)));

    internal static Assignment InState(AssignmentStatus status)
    {
        var a = NewAssignment();
        var t = At(2023, 9, 5);
        switch (status)
        {
            case AssignmentStatus.InProgress:
                a.Report(UnitHead, "Đang làm", 30, t);
                break;
            case AssignmentStatus.Submitted:
                a.Submit(UnitHead, "Xong", t);
                break;
            case AssignmentStatus.Returned:
                a.Submit(UnitHead, "Xong", t);
                a.Return(Office, "Thiếu hồ sơ", t);
                break;
            case AssignmentStatus.Completed:
                a.Submit(UnitHead, "Xong", t);
                a.Confirm(Office, t);
                break;
            case AssignmentStatus.Cancelled:
                a.Cancel(Office, "Không còn phù hợp", t);
                break;
        }

        Assert.Equal(status, a.Status);
        return a;
    }

    private static Action<Assignment> Action(Trigger trigger)
    {
        var t = At(2023, 9, 6);
        return trigger switch
        {
            Trigger.Report => a => a.Report(UnitHead, "Báo cáo", 50, t),
            Trigger.Submit => a => a.Submit(UnitHead, "Hoàn thành", t),
            Trigger.Confirm => a => a.Confirm(Office, t),
            Trigger.Return => a => a.Return(Office, "Chưa đạt", t),
            Trigger.Cancel => a => a.Cancel(Office, "Hủy", t),
            Trigger.Reopen => a => a.Reopen(Office, "Phát hiện sai sót", t),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };
    }
}
