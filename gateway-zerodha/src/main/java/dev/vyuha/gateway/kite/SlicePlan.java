package dev.vyuha.gateway.kite;

import java.util.Arrays;

/**
 * Splits an order above the exchange freeze quantity into slices Kite accepts (SDK 3.5.1's autoslice is broken since
 * 27 Mar 2026, KITE.md §4, so the gateway slices): full slices of the largest whole number of lots not above the
 * freeze quantity, then the remainder. SEBI caps an order at {@link #SEBI_MAX_SLICES} slices; a plan above the
 * configured cap is refused as a whole (nothing is sent) rather than partly executed.
 */
public final class SlicePlan
{
    /** SEBI's cap on slices per order (from 1 Apr 2026). */
    public static final int SEBI_MAX_SLICES = 10;

    private final int[] quantities;
    private final String refusal;

    private SlicePlan(final int[] quantities, final String refusal)
    {
        this.quantities = quantities;
        this.refusal = refusal;
    }

    /**
     * @param quantity       total units (&gt; 0, a multiple of the lot size).
     * @param lotSize        units per lot (&gt; 0).
     * @param freezeQuantity largest units per exchange order; 0 or less for no limit.
     * @param maxSlices      most slices allowed.
     * @return the plan, or a refusal.
     */
    public static SlicePlan of(final int quantity, final int lotSize, final int freezeQuantity, final int maxSlices)
    {
        if (quantity <= 0 || lotSize <= 0)
        {
            return refused("quantity " + quantity + " and lot size " + lotSize + " must be > 0");
        }
        if (quantity % lotSize != 0)
        {
            return refused("quantity " + quantity + " is not a multiple of the lot size " + lotSize);
        }
        if (freezeQuantity <= 0 || quantity <= freezeQuantity)
        {
            return new SlicePlan(new int[] {quantity}, null);
        }
        final int sliceSize = freezeQuantity / lotSize * lotSize;
        if (0 == sliceSize)
        {
            return refused("freeze quantity " + freezeQuantity + " is below one lot of " + lotSize);
        }
        final int count = (quantity + sliceSize - 1) / sliceSize;
        if (count > maxSlices)
        {
            return refused("quantity " + quantity + " needs " + count + " slices of at most " + sliceSize
                + " (freeze quantity " + freezeQuantity + "), above the cap of " + maxSlices + " slices per order");
        }
        final int[] slices = new int[count];
        Arrays.fill(slices, sliceSize);
        slices[count - 1] = quantity - sliceSize * (count - 1);
        return new SlicePlan(slices, null);
    }

    private static SlicePlan refused(final String reason)
    {
        return new SlicePlan(new int[0], reason);
    }

    /** @return true if the order cannot be sent. */
    public boolean isRefused()
    {
        return null != refusal;
    }

    /** @return why it cannot be sent, or null. */
    public String refusal()
    {
        return refusal;
    }

    /** @return number of slices (1 when not sliced). */
    public int count()
    {
        return quantities.length;
    }

    /**
     * @param index 0-based.
     * @return units of that slice.
     */
    public int quantity(final int index)
    {
        return quantities[index];
    }
}
