<?php

/**
 * @generate-class-entries
 * @undocumentable
 * @generate-legacy-arginfo 80200
 */

namespace WHMCS\View\Formatter;

/**
 * Money in a currency's format (behaviour §11.10). The state is two typed
 * properties, so serialize(), unserialize(), clone and == work as for a plain
 * object.
 */
final class Price implements \JsonSerializable, \Stringable
{
    protected string $price;
    protected array $currency;

    public function __construct(int|float|string $price, ?array $currency = null) {}

    /** @implementation-alias WHMCS\View\Formatter\Price::toFull */
    public function __toString(): string {}

    public function toFull(): string {}

    public function toPrefixed(): string {}

    public function toSuffixed(): string {}

    public function toNumeric(): string {}

    public function getCurrency(): array {}

    public function getValue(): float {}

    /** @implementation-alias WHMCS\View\Formatter\Price::toFull */
    public function jsonSerialize(): mixed {}
}
