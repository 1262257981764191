# pack:3ds: one token per 3D Secure test card, each confirmed in a PaymentIntent.
#
# The cards that ask stop in requires_action; an authenticate step answers
# the challenge as the test page's Complete button does ({ fail = true }:
# its Fail button). threeds_setup is left waiting: answer it yourself with
# `a`/`f` in its PaymentIntent's pane, or `tokenscope authenticate PI
# [--fail]`. Against Stripe, authenticate cannot press the page's buttons:
# the step fails with the page to open.

# 3D Secure on every payment: requires_action, then succeeded once authenticated
token "threeds_always" {
  card {
    preset = "threeds_always"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
  authenticate {}
}

# 3D Secure 2 required, with a return_url: next_action redirect_to_url;
# the challenge failed: back to requires_payment_method
token "threeds_required" {
  card {
    preset = "threeds_required"
  }
  use "payment_intent" {
    amount     = 1000
    currency   = "usd"
    return_url = "https://example.com/done"
  }
  authenticate {
    fail = true
  }
}

# 3D Secure unless set up: on session it asks (left waiting, to answer yourself)
token "threeds_setup" {
  card {
    preset = "threeds_setup"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# asks, then declines once authenticated: card_declined
token "threeds_declined" {
  card {
    preset = "threeds_declined"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
  authenticate {}
}

# asks, then insufficient_funds once authenticated
token "threeds_no_funds" {
  card {
    preset = "threeds_no_funds"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
  authenticate {}
}

# asks, with manual capture: requires_capture once authenticated; 15.00 of
# 25.00 captured, then 5.00 of it refunded
token "threeds_manual_capture" {
  card {
    preset = "threeds_always"
  }
  use "payment_intent" {
    amount         = 2500
    currency       = "usd"
    capture_method = "manual"
  }
  authenticate {}
  capture {
    amount = 1500
  }
  refund {
    amount = 500
  }
}

# 3D Secure supported, not required: succeeded at once
token "threeds_supported" {
  card {
    preset = "threeds_supported"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on every payment, frictionless: succeeded at once, authenticated
# without a challenge (the charge's three_d_secure: authentication_flow frictionless)
token "threeds_frictionless" {
  card {
    preset = "threeds_frictionless"
  }
  use "payment_intent" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure unless set up, saved with a SetupIntent (off_session): requires_action,
# then succeeded once authenticated; the card is set up for off-session payments
token "threeds_setup_saved" {
  card {
    preset = "threeds_setup"
  }
  use "setup_intent" {}
  authenticate {}
}
