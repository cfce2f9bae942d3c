using System.Buffers;
using System.Text;
using System.Text.Json;
using Chargebox.Protocol.Framing;

namespace Chargebox.Protocol.Tests.Framing;

public sealed class OcppFrameWriterTests
{
    private static string Text(ArrayBufferWriter<byte> buffer) => Encoding.UTF8.GetString(buffer.WrittenSpan);

    [Fact]
    public void Call_with_preserialised_payload()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCall(buffer, "19223201", "BootNotification", """{"reason":"PowerUp"}"""u8);

        Assert.Equal("""[2,"19223201","BootNotification",{"reason":"PowerUp"}]""", Text(buffer));
    }

    [Fact]
    public void Call_with_payload_callback()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCall(buffer, "1", "Heartbeat", 7, static (writer, n) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("n", n);
            writer.WriteEndObject();
        });

        Assert.Equal("""[2,"1","Heartbeat",{"n":7}]""", Text(buffer));
    }

    [Fact]
    public void CallResult_with_preserialised_payload_and_with_callback()
    {
        var raw = new ArrayBufferWriter<byte>();
        var callback = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallResult(raw, "1", """{"status":"Accepted"}"""u8);
        OcppFrameWriter.WriteCallResult(callback, "1", "Accepted", static (writer, s) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", s);
            writer.WriteEndObject();
        });

        Assert.Equal("""[3,"1",{"status":"Accepted"}]""", Text(raw));
        Assert.Equal(Text(raw), Text(callback));
    }

    [Fact]
    public void CallError_without_details_writes_an_empty_object()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(buffer, "162376037", OcppErrorCode.NotSupported, "SetDisplayMessageRequest not supported");

        Assert.Equal("""[4,"162376037","NotSupported","SetDisplayMessageRequest not supported",{}]""", Text(buffer));
    }

    [Fact]
    public void CallError_with_details_and_null_description()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(buffer, "-1", OcppErrorCode.RpcFrameworkError, null, """{"x":1}"""u8);

        Assert.Equal("""[4,"-1","RpcFrameworkError","",{"x":1}]""", Text(buffer));
    }

    [Fact]
    public void CallError_description_is_cut_to_255_characters()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(buffer, "1", OcppErrorCode.GenericError, new string('d', 300));

        Assert.True(OcppFrameReader.TryParse(buffer.WrittenMemory, out var frame, out _));
        Assert.Equal(new string('d', 255), frame.ErrorDescription);
    }

    [Fact]
    public void CallError_description_is_not_cut_inside_a_surrogate_pair()
    {
        string description = new string('d', 254) + "\U0001F50C" + "tail";

        string cut = OcppFrameWriter.Truncate(description);

        Assert.Equal(new string('d', 254), cut);
    }

    [Fact]
    public void Non_ascii_text_is_written_as_utf8_not_escaped()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(buffer, "1", OcppErrorCode.GenericError, "Prüfung fehlgeschlagen");

        Assert.Contains("Prüfung", Text(buffer));
    }

    [Fact]
    public void Invalid_preserialised_payload_is_refused()
    {
        var buffer = new ArrayBufferWriter<byte>();

        Assert.ThrowsAny<JsonException>(() => OcppFrameWriter.WriteCallResult(buffer, "1", "{\"a\":"u8));
    }

    [Theory]
    [InlineData(OcppErrorCode.FormatViolation)]
    [InlineData(OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData(OcppErrorCode.TypeConstraintViolation)]
    [InlineData(OcppErrorCode.RpcFrameworkError)]
    public void Every_frame_written_reads_back(OcppErrorCode code)
    {
        using var buffer = new PooledBufferWriter(1);

        OcppFrameWriter.WriteCallError(buffer, "id-" + code, code, "desc", """{"k":"v"}"""u8);

        Assert.True(OcppFrameReader.TryParse(buffer.WrittenMemory, out var frame, out _));
        Assert.Equal("id-" + code, frame.MessageId);
        Assert.True(OcppErrorCodeNames.TryParse(frame.ErrorCode, out var read));
        Assert.Equal(code, read);
    }

    [Fact]
    public void Pooled_buffer_grows_past_its_first_rental()
    {
        using var buffer = new PooledBufferWriter();
        string big = new('x', 10_000);

        OcppFrameWriter.WriteCall(buffer, "1", "DataTransfer", big, static (writer, s) =>
        {
            writer.WriteStartObject();
            writer.WriteString("data", s);
            writer.WriteEndObject();
        });

        Assert.True(OcppFrameReader.TryParse(buffer.WrittenMemory, out var frame, out _));
        Assert.Equal(10_000 + """{"data":""}""".Length, frame.Payload.Length);
    }

    [Theory]
    [InlineData("OccurenceConstraintViolation", OcppErrorCode.OccurrenceConstraintViolation, true)]
    [InlineData("NotSupported", OcppErrorCode.NotSupported, true)]
    [InlineData("notsupported", OcppErrorCode.GenericError, false)]
    [InlineData("3", OcppErrorCode.GenericError, false)]
    [InlineData(null, OcppErrorCode.GenericError, false)]
    public void Error_code_names_are_read_case_sensitively(string? wire, OcppErrorCode expected, bool known)
    {
        Assert.Equal(known, OcppErrorCodeNames.TryParse(wire, out var code));
        Assert.Equal(expected, code);
    }
}
