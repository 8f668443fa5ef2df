import { ApolloProvider } from "@apollo/client/react";
import { useState, type ReactNode } from "react";

import { AuthProvider } from "@/features/auth/components/auth-provider";
import { createApolloClient } from "@/lib/apollo-client";

export function AppProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createApolloClient);
  return (
    <ApolloProvider client={client}>
      <AuthProvider>{children}</AuthProvider>
    </ApolloProvider>
  );
}
