using System.Text;
using Chargebox.Protocol.Framing;

namespace Chargebox.Protocol.Tests.Framing;

public sealed class OcppFrameReaderTests
{
    private static bool Parse(string text, out OcppFrame frame, out OcppFrameError error) =>
        OcppFrameReader.TryParse(Encoding.UTF8.GetBytes(text), out frame, out error);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public void Call_is_read_with_id_action_and_payload_slice()
    {
        byte[] input = Encoding.UTF8.GetBytes("""[2,"19223201","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]""");

        Assert.True(OcppFrameReader.TryParse(input, out var frame, out _));

        Assert.Equal(OcppMessageType.Call, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Equal("BootNotification", frame.Action);
        Assert.Equal("""{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}""", Text(frame.Payload));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(frame.Payload, out var segment));
        Assert.Same(input, segment.Array);
    }

    [Fact]
    public void CallResult_is_read_with_id_and_payload()
    {
        Assert.True(Parse("""[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]""", out var frame, out _));

        Assert.Equal(OcppMessageType.CallResult, frame.MessageType);
        Assert.Equal("19223201", frame.MessageId);
        Assert.Null(frame.Action);
        Assert.Equal("""{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}""", Text(frame.Payload));
    }

    [Fact]
    public void CallError_is_read_with_code_description_and_details()
    {
        Assert.True(Parse("""[4,"162376037","NotSupported","SetDisplayMessageRequest not supported",{"hint":1}]""", out var frame, out _));

        Assert.Equal(OcppMessageType.CallError, frame.MessageType);
        Assert.Equal("162376037", frame.MessageId);
        Assert.Equal("NotSupported", frame.ErrorCode);
        Assert.Equal("SetDisplayMessageRequest not supported", frame.ErrorDescription);
        Assert.Equal("""{"hint":1}""", Text(frame.Payload));
    }

    [Fact]
    public void Whitespace_and_newlines_between_elements_are_accepted()
    {
        Assert.True(Parse("  [2,\n    \"19223201\",\r\n\t\"Heartbeat\",\n    {\n    }\n  ]\n", out var frame, out _));

        Assert.Equal("Heartbeat", frame.Action);
        Assert.Equal("{\n    }", Text(frame.Payload));
    }

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        Assert.True(Parse("""[4,"a\u0062c","GenericError","line\nbreak \u00e9",{}]""", out var frame, out _));

        Assert.Equal("abc", frame.MessageId);
        Assert.Equal("line\nbreak é", frame.ErrorDescription);
    }

    [Theory]
    [InlineData("""[2,"1","Heartbeat",null]""")]
    [InlineData("""[3,"1",null]""")]
    [InlineData("""[4,"1","GenericError","",null]""")]
    public void Null_payload_is_read_as_empty_object(string input)
    {
        Assert.True(Parse(input, out var frame, out _));

        Assert.Equal("{}", Text(frame.Payload));
    }

    [Fact]
    public void MessageId_of_36_characters_is_accepted()
    {
        string id = new('a', 36);

        Assert.True(Parse($$"""[3,"{{id}}",{}]""", out var frame, out _));

        Assert.Equal(id, frame.MessageId);
    }

    [Fact]
    public void Action_keeps_its_case()
    {
        Assert.True(Parse("""[2,"1","heartBeat",{}]""", out var frame, out _));

        Assert.Equal("heartBeat", frame.Action);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"a\":1}")]
    [InlineData("\"text\"")]
    [InlineData("[]")]
    [InlineData("[2]")]
    [InlineData("[2,17,\"Heartbeat\",{}]")]
    [InlineData("[2,null,\"Heartbeat\",{}]")]
    [InlineData("[2,[\"1\"],\"Heartbeat\",{}]")]
    [InlineData("[2,\"abc")]
    [InlineData("[2,\"abc\\u12")]
    [InlineData("[2,")]
    [InlineData("[\u00ff")]
    public void Unreadable_message_id_gives_RpcFrameworkError_with_id_minus_one(string input)
    {
        Assert.False(Parse(input, out _, out var error));

        Assert.Equal(OcppErrorCode.RpcFrameworkError, error.Code);
        Assert.Null(error.MessageId);
        Assert.Equal("-1", error.ReplyMessageId);
        Assert.False(string.IsNullOrEmpty(error.Description));
    }

    [Theory]
    [InlineData("""[0,"id1",{}]""", 0)]
    [InlineData("""[5,"id1","x",{}]""", 5)]
    [InlineData("""[6,"id1" , this is ignored""", 6)]
    [InlineData("""[-2,"id1","Heartbeat",{}]""", -2)]
    public void Unknown_message_type_gives_MessageTypeNotSupported_with_id(string input, int typeId)
    {
        Assert.False(Parse(input, out _, out var error));

        Assert.Equal(OcppErrorCode.MessageTypeNotSupported, error.Code);
        Assert.Equal("id1", error.ReplyMessageId);
        Assert.Equal(typeId, error.MessageTypeId);
        Assert.True(error.ShouldReply);
    }

    [Theory]
    [InlineData("""["2","id1","Heartbeat",{}]""")]
    [InlineData("""[2.5,"id1","Heartbeat",{}]""")]
    [InlineData("""[{"t":2},"id1","Heartbeat",{}]""")]
    [InlineData("""[99999999999,"id1","Heartbeat",{}]""")]
    public void Message_type_that_is_not_an_integer_gives_RpcFrameworkError_with_id(string input)
    {
        Assert.False(Parse(input, out _, out var error));

        Assert.Equal(OcppErrorCode.RpcFrameworkError, error.Code);
        Assert.Equal("id1", error.ReplyMessageId);
    }

    [Fact]
    public void MessageId_longer_than_36_characters_gives_RpcFrameworkError_with_that_id()
    {
        string id = new('a', 37);

        Assert.False(Parse($$"""[2,"{{id}}","Heartbeat",{}]""", out _, out var error));

        Assert.Equal(OcppErrorCode.RpcFrameworkError, error.Code);
        Assert.Equal(id, error.MessageId);
        Assert.Contains("36", error.Description);
    }

    [Theory]
    [InlineData("""[2,"id1"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"id1","Heartbeat"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"id1","Heartbeat",{},{}]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"id1",17,{}]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"id1",null,{}]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"id1","Heartbeat",[]]""", OcppErrorCode.FormatViolation)]
    [InlineData("""[2,"id1","Heartbeat","{}"]""", OcppErrorCode.FormatViolation)]
    [InlineData("""[2,"id1","Heartbeat",42]""", OcppErrorCode.FormatViolation)]
    [InlineData("""[2,"id1","Heartbeat",{"a":}]""", OcppErrorCode.FormatViolation)]
    [InlineData("""[2,"id1","Heartbeat",{"a":1]""", OcppErrorCode.FormatViolation)]
    [InlineData("""[2,"id1","Heartbeat",{}""", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"id1","Heartbeat",{}] x""", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"id1","Heartbeat",{}][]""", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"id1",Heartbeat,{}]""", OcppErrorCode.RpcFrameworkError)]
    public void Broken_call_with_readable_id_gives_the_mapped_code(string input, OcppErrorCode expected)
    {
        Assert.False(Parse(input, out _, out var error));

        Assert.Equal(expected, error.Code);
        Assert.Equal("id1", error.ReplyMessageId);
        Assert.Equal(2, error.MessageTypeId);
        Assert.True(error.ShouldReply);
    }

    [Theory]
    [InlineData("""[3,"id1"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[3,"id1",{},{}]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[3,"id1","ok"]""", OcppErrorCode.FormatViolation)]
    [InlineData("""[4,"id1"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[4,"id1","GenericError"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[4,"id1","GenericError","x"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[4,"id1",5,"x",{}]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[4,"id1","GenericError",5,{}]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[4,"id1","GenericError","x",{},1]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[4,"id1","GenericError","x","details"]""", OcppErrorCode.FormatViolation)]
    public void Broken_answer_is_reported_but_not_to_be_answered(string input, OcppErrorCode expected)
    {
        Assert.False(Parse(input, out _, out var error));

        Assert.Equal(expected, error.Code);
        Assert.Equal("id1", error.MessageId);
        Assert.False(error.ShouldReply);
    }

    [Fact]
    public void Deeply_nested_payload_is_an_error_not_an_exception()
    {
        string nested = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        Assert.False(Parse($$"""[2,"id1","DataTransfer",{{nested}}]""", out _, out var error));

        Assert.Equal(OcppErrorCode.FormatViolation, error.Code);
        Assert.Equal("id1", error.MessageId);
    }
}
