using Chargebox.Station.CustomerInformation;

namespace Chargebox.Station.Tests.CustomerInformation;

/// <summary>N09.FR.04: the customer data goes out in NotifyCustomerInformation parts whose data fits the
/// schema's 512 characters, seqNo from 0, tbc on all but the last.</summary>
public sealed class NotifyCustomerInformationSplitterTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_data_is_one_part_with_empty_data()
    {
        var part = Assert.Single(NotifyCustomerInformationSplitter.Split(7, GeneratedAt, []));

        Assert.Equal((7, 0, false, "", GeneratedAt), (part.RequestId, part.SeqNo, part.Tbc, part.Data, part.GeneratedAt));
    }

    [Fact]
    public void Lines_that_fit_share_one_part()
    {
        var part = Assert.Single(NotifyCustomerInformationSplitter.Split(1, GeneratedAt, ["first", "second"]));

        Assert.Equal("first\nsecond", part.Data);
        Assert.Equal(false, part.Tbc);
    }

    [Fact]
    public void Lines_beyond_512_characters_go_to_further_parts_with_tbc()
    {
        var line = new string('x', 300);

        var parts = NotifyCustomerInformationSplitter.Split(1, GeneratedAt, [line, line, line]);

        Assert.Equal([0, 1, 2], parts.Select(p => p.SeqNo));
        Assert.Equal([true, true, false], parts.Select(p => p.Tbc ?? false));
        Assert.All(parts, p => Assert.Equal(line, p.Data));
    }

    [Fact]
    public void A_line_longer_than_a_part_is_cut_without_losing_characters()
    {
        var line = string.Concat(Enumerable.Range(0, 1200).Select(i => (char)('a' + (i % 26))));

        var parts = NotifyCustomerInformationSplitter.Split(1, GeneratedAt, ["head", line]);

        Assert.All(parts, p => Assert.InRange(p.Data.Length, 1, NotifyCustomerInformationSplitter.MaxDataLength));
        Assert.Equal("head", parts[0].Data);
        Assert.Equal(line, string.Concat(parts.Skip(1).Select(p => p.Data)));
        Assert.Equal(false, parts[^1].Tbc);
    }
}
