package dev.settle.formats;

/** Every file format Settle reads or writes, as named on the command line ({@code --format}). */
public enum FileFormat {
    ADYEN_SDR("adyen-sdr"),
    STRIPE_PAYOUT_RECON("stripe-payout-recon"),
    GENERIC_CSV("generic-csv"),
    CAMT053("camt053"),
    CAMT054("camt054"),
    PAIN001("pain001"),
    PAIN002("pain002"),
    MT940("mt940"),
    BAI2("bai2"),
    NACHA("nacha"),
    PAYOUT_CSV("payout-csv");

    private final String cliName;

    FileFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static FileFormat fromCliName(String name) {
        for (FileFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'");
    }
}
