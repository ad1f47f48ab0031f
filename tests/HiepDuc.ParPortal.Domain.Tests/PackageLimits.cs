using System.IO.Compression;
using HiepDuc.ParPortal.Domain.Parsing;

namespace HiepDuc.ParPortal.Domain.Tests;

/// <summary>A Word or Excel upload is unpacked once, counting, before it is read: past 64 MiB it is refused.</summary>
public class A_package_is_measured_before_it_is_read
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(63, true)]
    [InlineData(65, false)]
    [InlineData(300, false)]
    public void A_package_within_64_MiB_unpacked_is_read_and_a_larger_one_is_not(int mib, bool within)
    {
        using var package = Package(mib);
        Assert.True(package.Length < 2 * 1024 * 1024);
        package.Position = 0;
        Assert.Equal(within, Packages.WithinUnpackedLimit(package));
        if (within)
        {
            Assert.Equal(0, package.Position); // rewound for the reader
        }
    }

    [Fact]
    public void A_package_of_more_than_2000_parts_is_not_read()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 2001; i++)
            {
                zip.CreateEntry($"p/{i}.xml");
            }
        }

        stream.Position = 0;
        Assert.False(Packages.WithinUnpackedLimit(stream));
    }

    [Fact]
    public void A_Word_file_that_unpacks_past_the_limit_is_refused_as_unreadable()
    {
        using var package = Package(100, "word/document.xml");
        package.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => DocxText.Extract(package));
        Assert.Equal("unpacked", error.Message);
    }

    private static MemoryStream Package(int mib, string part = "xl/worksheets/sheet1.xml")
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var to = zip.CreateEntry(part, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'A');
            for (var i = 0; i < mib; i++)
            {
                to.Write(chunk);
            }
        }

        return stream;
    }
}
