using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Notices;

public enum DirectiveEventKind
{
    Created,
    Edited,
    Cancelled,
    Direction,
    Reordered,
}

/// <summary>One entry of a directive's own timeline (its assignments keep theirs).</summary>
public sealed class DirectiveEvent : Entity
{
    private DirectiveEvent()
    {
        ByName = null!;
    }

    internal DirectiveEvent(Directive directive, DirectiveEventKind kind, Actor by, DateTimeOffset at, string? text)
    {
        Directive = directive;
        Kind = kind;
        ByUserId = by.UserId;
        ByName = by.Name;
        At = at;
        Text = text;
    }

    public int DirectiveId { get; private set; }

    public Directive Directive { get; private set; } = null!;

    public DirectiveEventKind Kind { get; private set; }

    public string? ByUserId { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Text { get; private set; }
}
