namespace PriceGen;

/// <summary>The price of one image at one resolution, such as "1024x1024: $0.020 / image".</summary>
public sealed class ImageRate : Rate
{
    /// <summary>Creates the rate of a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    public ImageRate(int width, int height, decimal price, long quantity, string currency)
        : base(SizeKey(width, height), price, quantity, RateUnit.Image, currency)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>The size as the API and the catalog write it: <c>1024x1024</c>.</summary>
    public string Size => Role;

    /// <summary>The exact cost of <paramref name="images"/> images of this size.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="images"/> is negative.</exception>
    public decimal Cost(int images)
    {
        ThrowIfNegative(images, nameof(images));
        return CostOf(images);
    }

    private static string SizeKey(int width, int height) =>
        width.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x" +
        height.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
