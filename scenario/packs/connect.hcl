# pack:connect: one account token per business type, each made into a Connect custom account.
#
# Give an individual account its id number with a PII token afterwards:
# tokenscope create pii --preset id_match, then
# tokenscope use pii_… --id-number-for acct_….

token "individual" {
  account {
    business_type = "individual"
    first_name    = "Jenny"
    last_name     = "Rosen"
  }
  use "account" {}
}

token "company" {
  account {
    business_type = "company"
  }
  use "account" {}
}
