using System.IO.Compression;

namespace HiepDuc.ParPortal.Domain.Parsing;

/// <summary>Word and Excel files are ZIP packages: a small upload can unpack to gigabytes. Both readers check first.</summary>
public static class Packages
{
    /// <summary>The most an uploaded package may unpack to.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>The most parts a package may hold (a workbook has a dozen, a notice with pictures a few hundred).</summary>
    public const int MaxEntries = 2000;

    /// <summary>
    /// Refuses more than <see cref="MaxEntries"/> parts; unpacks every part once, counting, and stops past <see cref="MaxUnpackedBytes"/> (the sizes a package declares
    /// are not trusted). The stream must be seekable; it is rewound for the reader. A stream that is no ZIP package at
    /// all throws <see cref="InvalidDataException"/>, as the readers would.
    /// </summary>
    public static bool WithinUnpackedLimit(Stream stream)
    {
        var start = stream.Position;
        var total = 0L;
        var buffer = new byte[81920];
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > MaxEntries)
            {
                return false;
            }

            foreach (var entry in zip.Entries)
            {
                if (total + entry.Length > MaxUnpackedBytes)
                {
                    return false;
                }

                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxUnpackedBytes)
                    {
                        return false;
                    }
                }
            }
        }

        stream.Position = start;
        return true;
    }
}
