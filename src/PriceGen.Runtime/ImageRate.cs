namespace PriceGen;

/// <summary>The price of one image at one resolution, such as "1024x1024: $0.020 / image".</summary>
public sealed class ImageRate : Rate
{
    /// <summary>Creates the rate of a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    public ImageRate(int width, int height, decimal price, long quantity, string currency)
        : this(width, height, null, price, quantity, currency)
    {
    }

    /// <summary>Creates the rate of a <paramref name="width"/>×<paramref name="height"/> image of a quality tier (<c>hd</c>).</summary>
    public ImageRate(int width, int height, string? quality, decimal price, long quantity, string currency)
        : base(ImageSizeKey.Format(width, height, quality), price, quantity, RateUnit.Image, currency)
    {
        Width = width;
        Height = height;
        Quality = quality;
    }

    /// <summary>The quality tier (<c>hd</c>, <c>low</c>…), or <see langword="null"/> when the size has only one.</summary>
    public string? Quality { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>The size as the catalog writes it: <c>1024x1024</c>, or <c>hd/1024x1024</c> with a quality tier.</summary>
    public string Size => Role;

    /// <summary>The exact cost of <paramref name="images"/> images of this size.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="images"/> is negative.</exception>
    public decimal Cost(int images)
    {
        ThrowIfNegative(images, nameof(images));
        return CostOf(images);
    }
}
