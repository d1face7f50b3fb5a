/**
 * Clauses of the Trust's digital and social media policy (docs/social-media-policy.md) that several rules enforce,
 * quoted verbatim so a rule's `meta.policy` and the policy never drift apart (a test checks every rule's quote).
 */
export const NO_INFORMATION_ABOUT_CHILDREN =
  'It is the expectation of the Trust that you do not publish any information about a child or young person on any social media platform.';
