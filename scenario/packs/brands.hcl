# pack:brands: one unused token per card brand, all cards whose charges succeed.
#
# Fresh tokens to explore, use or charge from the TUI.

# Visa credit
token "visa" {
  card {
    preset = "visa"
  }
}

# MasterCard credit
token "mastercard" {
  card {
    preset = "mastercard"
  }
}

# American Express credit
token "amex" {
  card {
    preset = "amex"
  }
}

# Discover credit
token "discover" {
  card {
    preset = "discover"
  }
}

# Diners Club credit
token "diners" {
  card {
    preset = "diners"
  }
}

# JCB credit
token "jcb" {
  card {
    preset = "jcb"
  }
}

# UnionPay credit
token "unionpay" {
  card {
    preset = "unionpay"
  }
}
