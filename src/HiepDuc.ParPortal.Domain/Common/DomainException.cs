namespace HiepDuc.ParPortal.Domain.Common;

/// <summary>A rule of the domain was broken: a wrong state change, or a value the rules do not allow.</summary>
/// <remarks>
/// The domain says which rule (<see cref="Code"/>) and with what values (<see cref="Arguments"/>); the words are in the
/// web layer's resource files ("Domain_" + code), in Vietnamese and English.
/// </remarks>
public sealed class DomainException(string code, params object?[] arguments) : Exception($"{code} ({string.Join(", ", arguments)})")
{
    public string Code { get; } = code;

    public IReadOnlyList<object?> Arguments { get; } = arguments;
}
