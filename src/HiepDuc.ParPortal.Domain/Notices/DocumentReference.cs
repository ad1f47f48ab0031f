using HiepDuc.ParPortal.Domain.Common;

namespace HiepDuc.ParPortal.Domain.Notices;

/// <summary>A document a notice or directive cites: "Kế hoạch số 125/KH-UBND ngày 14/8/2023".</summary>
public sealed class DocumentReference
{
    private DocumentReference()
    {
        Text = null!;
    }

    public DocumentReference(string text, string? kind = null, string? number = null, DateOnly? issuedOn = null, string? issuedBy = null)
    {
        Text = Guard.Required(text, "reference.text", "Văn bản dẫn chiếu");
        Kind = Guard.Optional(kind);
        Number = Guard.Optional(number);
        IssuedOn = issuedOn;
        IssuedBy = Guard.Optional(issuedBy);
    }

    /// <summary>As written in the source.</summary>
    public string Text { get; private set; }

    /// <summary>"Kế hoạch", "Quyết định"…</summary>
    public string? Kind { get; private set; }

    /// <summary>"125/KH-UBND".</summary>
    public string? Number { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    /// <summary>"UBND huyện", "UBND tỉnh"…</summary>
    public string? IssuedBy { get; private set; }
}
