using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Documents;

/// <summary>
/// A document model as JSON: stored with every issued document, so that the same snapshot can be rendered again
/// (the wet-signature print) without reading the report, whose data moves on. Images (logo, signature) are base64.
/// Rendering a snapshot read back gives the same bytes as rendering the original model (unit-tested).
/// </summary>
public static class DocumentSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new DeviceConditionConverter(), new JsonStringEnumConverter() },
        IgnoreReadOnlyProperties = true,
    };

    /// <summary>
    /// A device's condition by its name. Snapshots stored before the document models used the domain's
    /// <see cref="DeviceCondition"/> named the conditions in English (Good, LightlyDamaged, HeavilyDamaged): those read
    /// as the same conditions, so every stored document renders as it did.
    /// </summary>
    private sealed class DeviceConditionConverter : JsonConverter<DeviceCondition>
    {
        public override DeviceCondition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() switch
            {
                "Good" => DeviceCondition.Baik,
                "LightlyDamaged" => DeviceCondition.RusakRingan,
                "HeavilyDamaged" => DeviceCondition.RusakBerat,
                var name when Enum.TryParse<DeviceCondition>(name, out var condition) && Enum.IsDefined(condition) => condition,
                var name => throw new JsonException($"Unknown device condition '{name}'."),
            };

        public override void Write(Utf8JsonWriter writer, DeviceCondition value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    /// <summary>
    /// For comparing two documents' content: times to the whole second. A server database keeps microseconds (PostgreSQL)
    /// or less, while a model built in the step's own request still has the clock's ticks, so the same recorded time
    /// must not read as a different document (documents print minutes).
    /// </summary>
    private static readonly JsonSerializerOptions ComparisonOptions = new(Options)
    {
        Converters = { new WholeSecondConverter(), new NullableWholeSecondConverter() },
    };

    public static string Serialize(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, document.GetType(), Options);
    }

    /// <summary>The snapshot with every time cut to the whole second: for comparing content, never stored.</summary>
    public static string SerializeForComparison(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, document.GetType(), ComparisonOptions);
    }

    private sealed class WholeSecondConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond)));
    }

    private sealed class NullableWholeSecondConverter : JsonConverter<DateTime?>
    {
        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteStringValue(v.AddTicks(-(v.Ticks % TimeSpan.TicksPerSecond)));
            else writer.WriteNullValue();
        }
    }

    /// <summary>Reads a snapshot of model type <paramref name="modelType"/> (a concrete <see cref="OfficialDocument"/>).</summary>
    public static OfficialDocument Deserialize(string json, Type modelType)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        if (!typeof(OfficialDocument).IsAssignableFrom(modelType) || modelType.IsAbstract)
            throw new ArgumentException($"{modelType.Name} is not a document model.", nameof(modelType));
        return (OfficialDocument?)JsonSerializer.Deserialize(json, modelType, Options)
            ?? throw new InvalidOperationException("Empty document snapshot.");
    }
}
