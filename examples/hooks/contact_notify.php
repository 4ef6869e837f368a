<?php
/**
 * A hook file written exactly as for WHMCS (includes/hooks/contact_notify.php):
 * copy it into a WHMCS install and it works there too.
 */

if (!defined("WHMCS")) {
    die("This file cannot be accessed directly");
}

add_hook('ContactAdd', 1, function ($vars) {
    echo "ContactAdd hook: contact {$vars['contactid']} added to client {$vars['userid']}"
        . " ({$vars['email']})" . PHP_EOL;
});
