namespace HiepDuc.ParPortal.Domain.Common;

internal static class Guard
{
    /// <summary>The trimmed value, or a <see cref="DomainException"/> with <paramref name="code"/> when it is empty.</summary>
    public static string Required(string? value, string code)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(code);
        }

        return value.Trim();
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
