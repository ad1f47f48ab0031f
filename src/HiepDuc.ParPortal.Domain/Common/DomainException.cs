namespace HiepDuc.ParPortal.Domain.Common;

/// <summary>A rule of the domain was broken: a wrong state change, or a value the rules do not allow.</summary>
/// <remarks>The <see cref="Code"/> is stable and is what the web layer turns into a localized message.</remarks>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
