# pack:declines: one token per declining test card, each charged so its code shows.
#
# Every card of model.Cards whose charge Stripe declines is here; the test
# TestPackDeclinesCoversCatalog fails when the catalog gains one this file lacks.

# declines when charged: card_declined / generic_decline
token "generic_decline" {
  card {
    preset = "generic_decline"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: card_declined / insufficient_funds
token "insufficient_funds" {
  card {
    preset = "insufficient_funds"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: card_declined / lost_card
token "lost_card" {
  card {
    preset = "lost_card"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: card_declined / stolen_card
token "stolen_card" {
  card {
    preset = "stolen_card"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: expired_card
token "expired_card" {
  card {
    preset = "expired_card"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: incorrect_cvc
token "incorrect_cvc" {
  card {
    preset = "incorrect_cvc"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: processing_error
token "processing_error" {
  card {
    preset = "processing_error"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# declines when charged: card_declined / card_velocity_exceeded
token "card_velocity_exceeded" {
  card {
    preset = "card_velocity_exceeded"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# attaches to a customer, then every charge fails: card_declined / generic_decline
token "customer_charge_fail" {
  card {
    preset = "customer_charge_fail"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# always blocked by Radar: card_declined / fraudulent
token "radar_block" {
  card {
    preset = "radar_block"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# risk level highest: blocked by Radar's default rules
token "highest_risk" {
  card {
    preset = "highest_risk"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# cvc_check fails: declined as incorrect_cvc when a CVC is given
token "cvc_check_fail" {
  card {
    preset = "cvc_check_fail"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure unless set up: card_declined / authentication_required on a plain charge
token "threeds_setup" {
  card {
    preset = "threeds_setup"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on every payment: card_declined / authentication_required
token "threeds_always" {
  card {
    preset = "threeds_always"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure required: card_declined / authentication_required
token "threeds_required" {
  card {
    preset = "threeds_required"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure required, then declined: card_declined / authentication_required
token "threeds_declined" {
  card {
    preset = "threeds_declined"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on a PaymentIntent; a plain charge: card_declined / authentication_required
token "threeds_off_session" {
  card {
    preset = "threeds_off_session"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on a PaymentIntent; a plain charge: card_declined / authentication_required
token "threeds_no_funds" {
  card {
    preset = "threeds_no_funds"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on a PaymentIntent; a plain charge: card_declined / authentication_required
token "threeds1_required" {
  card {
    preset = "threeds1_required"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on a PaymentIntent; a plain charge: card_declined / authentication_required
token "threeds_processing" {
  card {
    preset = "threeds_processing"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on a PaymentIntent (frictionless); a plain charge: card_declined / authentication_required
token "threeds_frictionless" {
  card {
    preset = "threeds_frictionless"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}

# 3D Secure on a PaymentIntent; a plain charge: card_declined / authentication_required
token "threeds_required_us" {
  card {
    preset = "threeds_required_us"
  }
  use "charge" {
    amount   = 1000
    currency = "usd"
  }
}
