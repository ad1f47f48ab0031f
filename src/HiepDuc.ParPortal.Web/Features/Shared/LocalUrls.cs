using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>Where to send the browser back to after a form: only an address of this portal, safe to put in a header.</summary>
public static class LocalUrls
{
    /// <summary>
    /// <paramref name="candidate"/> when it is a local address, with every non-ASCII character percent-encoded (a
    /// header carries ASCII only: "/assignments¿" would otherwise fail the response); <paramref name="fallback"/> when
    /// it is not local or holds a control character.
    /// </summary>
    public static string LocalOr(this IUrlHelper url, string? candidate, string fallback)
    {
        if (!url.IsLocalUrl(candidate) || candidate.Any(char.IsControl))
        {
            return fallback;
        }

        var safe = new StringBuilder(candidate.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in candidate.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                safe.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                safe.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }
}
